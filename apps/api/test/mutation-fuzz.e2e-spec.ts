import { createHash, randomBytes } from 'node:crypto';
import type { LoggerService } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
} from 'graphql';
import { answerQuestion, askQuestion } from './forum-fixtures.js';
import { grantOrganisationRole, grantRole, signUp, startTestApp, type TestApp } from './test-app.js';

/**
 * Every mutation in the schema, sent generated input as a signed-in member and as a site
 * admin: valid-looking values from a seeded forum (real ids, slugs, a real draft) mixed
 * with long strings (around and past each field's limit), control characters, NUL, lone
 * surrogates, right-to-left marks, emoji, SQL- and HTML-looking text, huge and negative
 * numbers, values of the wrong JSON type, malformed ids, ids of the wrong kind of thing and
 * malformed cursors, sent as variables so GraphQL coerces them.
 *
 * Whatever is sent, the answer is a success or a refusal a person can act on (any public
 * code but INTERNAL_SERVER_ERROR, or GraphQL's own validation codes), never an HTTP 500;
 * and a refusal changes no row: a checksum of every table is the same before and after.
 *
 * The mutations are read from the running app's schema, so a new one is covered without
 * touching this file. The runs are reproducible: every mutation and actor gets its own
 * fast-check seed derived from SEED (so adding a mutation does not change what the others
 * are sent); set MUTATION_FUZZ_SEED to explore other inputs and MUTATION_FUZZ_RUNS for more
 * runs. A failure names the mutation, the actor, the seed and path to replay, the input
 * (long strings shortened) and what the server logged.
 */
const SEED = Number(process.env.MUTATION_FUZZ_SEED ?? 20260110);
const RUNS = Number(process.env.MUTATION_FUZZ_RUNS ?? 20);
/** MUTATION_FUZZ_REPORT=1 prints how each mutation answered (successes and codes), to see how deep the inputs reach. */
const REPORT = process.env.MUTATION_FUZZ_REPORT === '1';

const PASSWORD = 'correct horse battery';
const OWNING = 'county-council';
const OTHER = 'parish-council';
const DRAFT = ['# Fuzz Policy', '', '## Purpose', '', 'Why we have it.', '', '## Personal use', '', 'What staff may do.', ''].join('\n');

/**
 * Columns left out of the checksums, each because it changes on a request that writes
 * nothing: a session records when it was last used (at most every 10 minutes).
 */
const BOOKKEEPING_COLUMNS: Record<string, string[]> = { sessions: ['last_seen_at'] };

type ActorName = 'member' | 'siteAdmin';
interface Actor {
  name: ActorName;
  id: string;
  email: string;
  passwordHash: string;
}

/** Real things of the seeded forum, the valid-looking half of every input. */
interface Forum {
  ids: Record<'community' | 'question' | 'answer' | 'comment' | 'user' | 'document' | 'version' | 'roleRequest' | 'notification', string[]>;
  slugs: string[];
  tags: string[];
  emails: string[];
  sources: string[];
  references: string[];
}

// ---- generated values

const lengthsAroundLimits = [2, 10, 11, 50, 80, 81, 100, 101, 200, 201, 254, 255, 500, 501, 1_000, 1_001, 5_000, 30_000, 30_001, 200_000, 200_001];
const longUnits = ['a', ' ', 'é', '😀', '\u0000', '\uD800', '\u202E', '<', '#', '.', 'policy:', '\n', '-'];

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const MALFORMED_CURSORS = [
  'not-a-cursor',
  cursor(['hello 1', '00000000-0000-0000-0000-000000000000']),
  cursor(['2024-02-30T00:00:00.000Z', 'x']),
  cursor([1e308, -1]),
  cursor({ offset: -1 }),
  Buffer.from('["unterminated').toString('base64url'),
];

const ODD_STRINGS = [
  '',
  ' ',
  '   ',
  '\u0000',
  'nul\u0000inside',
  '\uD800',
  'lone \uDFFF low',
  '\uDBFF\uDBFF',
  '\u202Eright-to-left override',
  '\u200F\u200E\u200B\uFEFF',
  'line\nbreak',
  'tab\there',
  '\r\n',
  '\u0007\u001b[31mred\u007f\u0085\u2028',
  '😀',
  '👩‍👩‍👧‍👦 family',
  'e\u0301\u0301\u0301',
  'ｆｕｌｌｗｉｄｔｈ',
  "'; DROP TABLE users; --",
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '{{7*7}} ${7*7} %s%n',
  '../../etc/passwd',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e308',
  '\\u0000',
  'policy:',
  'policy:x@',
  'policy:a@1.0#',
  '@',
  '#',
  'a@b',
  '99999999999999999999',
  ...MALFORMED_CURSORS,
];

const wrongJsonType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.constant({ id: 'x' }),
  fc.constant([[]]),
  fc.string({ maxLength: 5 }),
);

/** Any UTF-16 code unit: control characters and lone surrogates included. */
const codeUnitString = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 40 });

function longString(prefixes: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom('', ...prefixes), fc.constantFrom(...longUnits), fc.constantFrom(...lengthsAroundLimits))
    .map(([prefix, unit, length]) => prefix + unit.repeat(Math.max(1, Math.ceil((length - prefix.length) / unit.length))));
}

class Inputs {
  constructor(private readonly forum: Forum) {}

  private allIds(): string[] {
    return Object.values(this.forum.ids).flat();
  }

  /** The valid-looking ids for an argument or field, by its name. */
  private idsFor(name: string): string[] {
    const { ids } = this.forum;
    const byName: [RegExp, string[]][] = [
      [/duplicateOf|question/i, ids.question],
      [/answer/i, ids.answer],
      [/post/i, [...ids.question, ...ids.answer, ...ids.comment]],
      [/community/i, ids.community],
      [/user/i, ids.user],
      [/document/i, ids.document],
      [/request/i, ids.roleRequest],
      [/^ids$/i, ids.notification],
      [/target/i, [...ids.community, ...ids.question, ...ids.document, ...this.forum.slugs, ...this.forum.tags]],
    ];
    const found = byName.find(([pattern]) => pattern.test(name))?.[1];
    return found?.length ? found : this.allIds();
  }

  /** Valid-looking strings for an argument or field, by its name. */
  private stringsFor(name: string): string[] {
    const f = this.forum;
    const byName: [RegExp, string[]][] = [
      [/email/i, [...f.emails, `new-${randomBytes(3).toString('hex')}@example.org`]],
      [/password/i, [PASSWORD, 'a brand new passphrase']],
      [/token/i, ['not-a-real-token', randomBytes(32).toString('base64url')]],
      [/slug/i, [...f.slugs, 'fuzzed-new-slug']],
      [/^source$/, f.sources],
      [/reference/i, f.references],
      [/markdown/i, [DRAFT, `${DRAFT}\n## Added\n\nMore.\n`]],
      [/timeZone/i, ['Europe/London', 'UTC', 'America/Argentina/Buenos_Aires', 'Mars/Olympus']],
      [/tag/i, f.tags],
      [/body/i, ['A plain answer with enough words in it.', `Covered by ${f.references[0]}, read it first.`]],
      [/title/i, ['A perfectly ordinary title for a question']],
      [/name/i, ['Fuzz Person', 'Head of ICT']],
      [/role/i, ['parish councillor', 'Head of Corporate Communications']],
    ];
    return byName.find(([pattern]) => pattern.test(name))?.[1] ?? ['A short note.', 'Spam.', 'Duplicate of an older question.'];
  }

  private intsFor(name: string): fc.Arbitrary<number> {
    if (/days/i.test(name)) return fc.integer({ min: 1, max: 365 });
    if (/hour/i.test(name)) return fc.integer({ min: 0, max: 23 });
    if (/weekday/i.test(name)) return fc.integer({ min: 1, max: 7 });
    return fc.integer({ min: 0, max: 100 });
  }

  /** A value a well-behaved client could send. */
  valid(type: GraphQLInputType, name: string): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return this.validOf(type.ofType, name);
    return fc.oneof({ weight: 3, arbitrary: this.validOf(type, name) }, { weight: 1, arbitrary: fc.constant(undefined) });
  }

  private validOf(type: GraphQLInputType, name: string): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return this.validOf(type.ofType, name);
    if (isListType(type)) return fc.array(this.valid(type.ofType as GraphQLInputType, name), { minLength: 1, maxLength: 4 });
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      return fc.record(Object.fromEntries(fields.map((field) => [field.name, this.valid(field.type, field.name)])));
    }
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((value) => value.name));
    switch (type.name) {
      case 'ID':
        return fc.constantFrom(...this.idsFor(name));
      case 'String':
        return fc.constantFrom(...this.stringsFor(name));
      case 'Int':
        return this.intsFor(name);
      case 'Float':
        return fc.double({ min: 0, max: 100, noNaN: true });
      case 'Boolean':
        return fc.boolean();
      case 'DateTime':
        return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((date) => date.toISOString());
      default:
        throw new Error(`no generator for the scalar ${type.name}: add one to mutation-fuzz.e2e-spec.ts`);
    }
  }

  /** Anything at all for this position: valid-looking values among hostile ones and the wrong types. */
  fuzzed(type: GraphQLInputType, name: string): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) {
      return fc.oneof(
        { weight: 14, arbitrary: this.fuzzedOf(type.ofType, name) },
        { weight: 1, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: wrongJsonType },
      );
    }
    return fc.oneof(
      { weight: 10, arbitrary: this.fuzzedOf(type, name) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: wrongJsonType },
    );
  }

  private fuzzedOf(type: GraphQLInputType, name: string): fc.Arbitrary<unknown> {
    if (isNonNullType(type)) return this.fuzzedOf(type.ofType, name);
    if (isListType(type)) {
      const item = type.ofType as GraphQLInputType;
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(this.fuzzed(item, name), { maxLength: 6 }) },
        // A single value where a list is expected: GraphQL coerces it to a list of one.
        { weight: 1, arbitrary: this.fuzzed(item, name) },
        { weight: 1, arbitrary: fc.array(this.validOf(item, name), { minLength: 20, maxLength: 300 }) },
      );
    }
    if (isInputObjectType(type)) {
      const fields = Object.values(type.getFields());
      const oneFieldFuzzed = fc.integer({ min: 0, max: fields.length - 1 }).chain((index) =>
        fc.record(Object.fromEntries(fields.map((field, i) => [field.name, i === index ? this.fuzzed(field.type, field.name) : this.valid(field.type, field.name)]))),
      );
      const allFuzzed = fc.record(Object.fromEntries(fields.map((field) => [field.name, this.fuzzed(field.type, field.name)])));
      const unknownField = this.validOf(type, name).map((value) => ({ ...(value as object), notAField: 'x' }));
      return fc.oneof({ weight: 4, arbitrary: oneFieldFuzzed }, { weight: 3, arbitrary: allFuzzed }, { weight: 1, arbitrary: unknownField });
    }
    if (isEnumType(type)) {
      const names = type.getValues().map((value) => value.name);
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: fc.constantFrom('', 'NOPE', names[0].toLowerCase(), `${names[0]} `, '\u0000') });
    }
    switch (type.name) {
      case 'ID': {
        const ids = this.idsFor(name);
        const malformed = [
          ...ODD_STRINGS,
          '00000000-0000-0000-0000-000000000000',
          'ffffffff-ffff-ffff-ffff-ffffffffffff',
          'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
          ids[0].toUpperCase(),
          ` ${ids[0]}`,
          `${ids[0]}\u0000`,
          `{${ids[0]}}`,
          ids[0].replaceAll('-', ''),
          ids[0].slice(0, -1),
        ];
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...ids) },
          { weight: 2, arbitrary: fc.constantFrom(...this.allIds()) },
          { weight: 1, arbitrary: fc.uuid() },
          { weight: 4, arbitrary: fc.constantFrom(...malformed) },
          { weight: 1, arbitrary: longString(ids) },
          { weight: 1, arbitrary: codeUnitString },
        );
      }
      case 'String': {
        const strings = this.stringsFor(name);
        const withOdd = fc.tuple(fc.constantFrom(...strings), fc.constantFrom(...ODD_STRINGS), fc.nat()).map(([valid, odd, at]) => {
          const cut = at % (valid.length + 1);
          return valid.slice(0, cut) + odd + valid.slice(cut);
        });
        return fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...strings) },
          { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
          { weight: 2, arbitrary: withOdd },
          { weight: 3, arbitrary: longString(strings) },
          { weight: 1, arbitrary: codeUnitString },
          { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
        );
      }
      case 'Int':
        return fc.oneof(
          { weight: 2, arbitrary: this.intsFor(name) },
          { weight: 3, arbitrary: fc.constantFrom(0, -1, 1, 7, 8, 23, 24, 365, 366, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 53, -(2 ** 53), 1e308, -1e308, 0.5, 1.5) },
          { weight: 1, arbitrary: fc.constantFrom('1', 'NaN', 'Infinity', '', true) },
        );
      case 'Float':
        return fc.oneof(fc.double(), fc.constantFrom(2 ** 53, -1, 1e308, -1e308, 'NaN', 'Infinity'));
      case 'Boolean':
        return fc.oneof({ weight: 3, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constantFrom('true', 1, 0, 'yes') });
      default:
        return fc.oneof(this.validOf(type, name), fc.constantFrom(...ODD_STRINGS));
    }
  }

  /** The variables of one call: all valid-looking, one argument fuzzed, or all of them. */
  variables(field: GraphQLField<unknown, unknown>): fc.Arbitrary<Record<string, unknown>> {
    const args = field.args;
    if (args.length === 0) return fc.constant({});
    const record = (pick: (name: string, type: GraphQLInputType, index: number) => fc.Arbitrary<unknown>) =>
      fc.record(Object.fromEntries(args.map((arg, index) => [arg.name, pick(arg.name, arg.type, index)])));
    return fc.oneof(
      { weight: 1, arbitrary: record((name, type) => this.valid(type, name)) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: args.length - 1 }).chain((fuzzedIndex) => record((name, type, index) => (index === fuzzedIndex ? this.fuzzed(type, name) : this.valid(type, name)))) },
      { weight: 2, arbitrary: record((name, type) => this.fuzzed(type, name)) },
    );
  }
}

// ---- the operation for a mutation, read from the schema

function selectionFor(type: GraphQLOutputType): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named)) return ' { __typename }';
  // Its own scalar fields too, so what was just stored is read back through the resolvers.
  const leaves = Object.values(named.getFields())
    .filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)))
    .map((f) => f.name);
  return ` { __typename ${leaves.join(' ')} }`;
}

function operationFor(field: GraphQLField<unknown, unknown>): string {
  const definitions = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
  return `mutation Fuzz${definitions ? `(${definitions})` : ''} { ${field.name}${args ? `(${args})` : ''}${selectionFor(field.type)} }`;
}

/** The input as JSON, with long strings shortened so a counterexample stays readable. */
function describeInput(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v !== 'string' || v.length <= 80) return v;
    return `${v.slice(0, 40)}… (${v.length} UTF-16 units, ending ${JSON.stringify(v.slice(-10))})`;
  });
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

describe('every mutation, given generated input', () => {
  let t: TestApp;
  let forum: Forum;
  let mutations: GraphQLField<unknown, unknown>[];
  let checksumSql: string;
  const actors = {} as Record<ActorName, Actor>;
  /** What the server logged as an error during the current call (the cause of an internal error). */
  let serverErrors: string[] = [];
  /** Input PostgreSQL refused during the current call, which the error formatter's net turned into BAD_USER_INPUT. */
  let databaseRefusals: string[] = [];
  const outcomes = new Map<string, Map<string, number>>();
  const count = (key: string, outcome: string) => {
    const counts = outcomes.get(key) ?? new Map<string, number>();
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
    outcomes.set(key, counts);
  };

  const gqlData = async <T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> => {
    const result = await t.gql<T>(query, variables, { token });
    if (!result.data || result.errors) throw new Error(`fixture failed: ${JSON.stringify(result.errors)}`);
    return result.data;
  };

  async function person(name: string): Promise<{ token: string; id: string; email: string }> {
    const made = await signUp(t, name);
    // Established accounts: new members' first posts are limited, which is not what this suite is about.
    await t.db.query(`UPDATE users SET created_at = now() - interval '30 days' WHERE id = $1`, [made.id]);
    return made;
  }

  async function makeActor(name: ActorName): Promise<Actor> {
    const made = await person(name === 'member' ? 'Fuzz Member' : 'Fuzz Site Admin');
    if (name === 'siteAdmin') await grantRole(t, made.id, 'ADMIN');
    // A confirmed address, so mail-sending mutations (sendMyDigestNow) get past their first check.
    await t.db.query('INSERT INTO notification_settings (user_id, email_confirmed_at) VALUES ($1, now())', [made.id]);
    const [{ hash }] = (await t.db.query('SELECT password_hash AS hash FROM users WHERE id = $1', [made.id])) as { hash: string }[];
    return { name, id: made.id, email: made.email, passwordHash: hash };
  }

  /**
   * A fresh session for the actor, as they were at the start: a run before may have ended
   * their sessions (signOut, changePassword), changed their password or erased them
   * (deleteMyAccount with the right password), which is allowed and must not turn every
   * later call into a refusal.
   */
  async function signedIn(name: ActorName): Promise<string> {
    const [row] = (await t.db.query('SELECT erased_at FROM users WHERE id = $1', [actors[name].id])) as { erased_at: Date | null }[];
    if (!row || row.erased_at) actors[name] = await makeActor(name);
    const actor = actors[name];
    await t.db.query('UPDATE users SET password_hash = $2 WHERE id = $1 AND password_hash <> $2', [actor.id, actor.passwordHash]);
    return sessionFor(actor.id);
  }

  async function sessionFor(userId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await t.db.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [userId, hashToken(token)]);
    return token;
  }

  /** An established member made in the database (no password hashing: the scenes need many). */
  async function quickPerson(name: string): Promise<{ id: string; token: string }> {
    const email = `scene-${randomBytes(5).toString('hex')}@example.org`;
    const [{ id }] = (await t.db.query(`INSERT INTO users (email, display_name, password_hash, created_at) VALUES ($1, $2, $3, now() - interval '30 days') RETURNING id`, [
      email,
      name,
      actors.member.passwordHash,
    ])) as { id: string }[];
    return { id, token: await sessionFor(id) };
  }

  /**
   * Fresh things for one mutation and actor, added to the forum's: the runs before may have
   * deleted, hidden, closed or erased the shared ones, and a few (acceptAnswer, editing,
   * withdrawing a request) only succeed on the actor's own. A question with an answer citing
   * the policy, a comment and a flag on it; the actor's own question with an answer and a
   * pending role request; a member nobody has touched.
   */
  async function scene(actor: ActorName): Promise<Forum> {
    const unique = randomBytes(4).toString('hex');
    const [asker, helper, newcomer] = [await quickPerson('Scene Asker'), await quickPerson('Scene Helper'), await quickPerson('Scene Newcomer')];
    const own = { id: actors[actor].id, token: await signedIn(actor) };
    const communityId = forum.ids.community[0];
    const questionId = await askQuestion(t, asker, communityId, { title: `A question for the scene ${unique}`, tags: ['social-media'] });
    const answerId = await answerQuestion(t, helper, questionId, `Covered by ${forum.references[0]}.`);
    const comment = await gqlData<{ addComment: { id: string } }>('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { postId: answerId, body: 'Which section?' } }, asker.token);
    await gqlData('mutation($input: FlagPostInput!) { flagPost(input: $input) }', { input: { postId: answerId, reason: 'SPAM' } }, asker.token);
    const ownQuestionId = await askQuestion(t, own, communityId, { title: `The actor's own question ${unique}`, tags: ['conflicts-of-interest'] });
    const ownAnswerId = await answerQuestion(t, helper, ownQuestionId, 'An answer the actor may accept.');
    const organisation = `scene-${unique}`;
    await t.db.query('INSERT INTO organisations (slug, name) VALUES ($1, $2)', [organisation, `Scene Council ${unique}`]);
    await gqlData('mutation($input: RequestOrganisationRoleInput!) { requestOrganisationRole(input: $input) }', { input: { organisationSlug: organisation, role: 'MEMBER', note: 'Please.' } }, own.token);
    const requests = (await t.db.query(`SELECT r.id FROM organisation_role_requests r JOIN organisations o ON o.id = r.organisation_id WHERE o.slug = $1`, [organisation])) as { id: string }[];
    return {
      ...forum,
      ids: {
        ...forum.ids,
        question: [questionId, ownQuestionId, ...forum.ids.question],
        answer: [answerId, ownAnswerId, ...forum.ids.answer],
        comment: [comment.addComment.id, ...forum.ids.comment],
        user: [newcomer.id, asker.id, helper.id, ...forum.ids.user],
        roleRequest: [...requests.map((r) => r.id), ...forum.ids.roleRequest],
      },
      slugs: [...forum.slugs, organisation],
    };
  }

  async function checksums(): Promise<Map<string, string>> {
    const rows = (await t.db.query(checksumSql)) as { name: string; sum: string }[];
    return new Map(rows.map((row) => [row.name, row.sum]));
  }

  beforeAll(async () => {
    t = await startTestApp();
    const logger: LoggerService = {
      log() {},
      debug() {},
      verbose() {},
      error: (message: unknown) => void serverErrors.push(String(message).slice(0, 2_000)),
      // The error formatter's net under PostgreSQL's refusals answers BAD_USER_INPUT, but each
      // one is a rule missing at its source (a DTO, a service check), so here it fails the run.
      warn: (message: unknown) => void (String(message).startsWith('PostgreSQL refused') && databaseRefusals.push(String(message).slice(0, 2_000))),
    };
    t.app.useLogger(logger);

    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ($1, 'Shireford County Council'), ($2, 'Little Ashby Parish Council')`, [OWNING, OTHER]);
    const author = await person('Policy Author');
    const orgAdmin = await person('Org Admin');
    const moderator = await person('Community Moderator');
    const bystanders = [await person('Asker'), await person('Helper'), await person('Commenter'), await person('Applicant')];
    await grantOrganisationRole(t, author.id, OWNING, 'POLICY_AUTHOR');
    await grantOrganisationRole(t, orgAdmin.id, OWNING, 'ORG_ADMIN');
    actors.member = await makeActor('member');
    actors.siteAdmin = await makeActor('siteAdmin');
    const admin = { token: await signedIn('siteAdmin'), id: actors.siteAdmin.id };

    const community = await gqlData<{ createCommunity: { id: string; slug: string } }>(
      'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id slug } }',
      { input: { slug: 'social-media-in-local-government', title: 'Social Media in Local Government', description: 'Where officers ask.' } },
      admin.token,
    );
    const communityId = community.createCommunity.id;
    await gqlData('mutation($input: CommunityModeratorInput!) { appointCommunityModerator(input: $input) { id } }', { input: { communityId, userId: moderator.id } }, admin.token);

    // A published policy (1.0) with a newer draft, so answers can cite it and authors can publish again.
    const document = await gqlData<{ createPolicyDocument: { id: string; slug: string } }>(
      'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id slug } }',
      { input: { organisationSlug: OWNING, slug: 'social-media-policy', title: 'Social Media Policy and Guidance' } },
      author.token,
    );
    const documentId = document.createPolicyDocument.id;
    await gqlData('mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }', { input: { documentId, markdown: DRAFT } }, author.token);
    const published = await gqlData<{ publishPolicyVersion: { id: string; version: string } }>(
      'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { id version } }',
      { input: { documentId, bump: 'MAJOR', summaryOfChanges: 'First edition.', contributors: [{ name: 'Head of ICT', role: 'Reviewer' }] } },
      author.token,
    );
    await gqlData('mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }', { input: { documentId, markdown: `${DRAFT}\n## Contacts\n\nWho to ask.\n` } }, author.token);
    const reference = `policy:social-media-policy@${published.publishPolicyVersion.version}#purpose`;

    const questionId = await askQuestion(t, bystanders[0], communityId, { title: 'Can an officer also be a parish councillor?', tags: ['conflicts-of-interest'] });
    const otherQuestionId = await askQuestion(t, bystanders[2], communityId, { title: 'Who approves a new social media account?', tags: ['social-media'] });
    const answerId = await answerQuestion(t, bystanders[1], questionId, `The dual role is the point: see ${reference}.`);
    const comment = await gqlData<{ addComment: { id: string } }>(
      'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
      { input: { postId: answerId, body: 'Thank you, that helps.' } },
      bystanders[2].token,
    );
    await gqlData('mutation($input: FlagPostInput!) { flagPost(input: $input) }', { input: { postId: otherQuestionId, reason: 'OFF_TOPIC' } }, bystanders[3].token);
    await gqlData('mutation($input: RequestOrganisationRoleInput!) { requestOrganisationRole(input: $input) }', { input: { organisationSlug: OWNING, role: 'POLICY_AUTHOR', note: 'I write our policies.' } }, bystanders[3].token);
    const requests = (await t.db.query('SELECT id FROM organisation_role_requests')) as { id: string }[];
    const notifications = (await t.db.query(
      `INSERT INTO notifications (user_id, kind, message, path) VALUES ($1, 'CITATION_STALE', 'A policy you cite changed.', '/questions/x'), ($2, 'CITATION_STALE', 'A policy you cite changed.', '/questions/x') RETURNING id`,
      [actors.member.id, bystanders[1].id],
    )) as { id: string }[];

    forum = {
      ids: {
        community: [communityId],
        question: [questionId, otherQuestionId],
        answer: [answerId],
        comment: [comment.addComment.id],
        // Not the actors themselves: a site admin erasing or suspending the member would leave nothing to test.
        user: [author.id, orgAdmin.id, moderator.id, ...bystanders.map((b) => b.id)],
        document: [documentId],
        version: [published.publishPolicyVersion.id],
        roleRequest: requests.map((r) => r.id),
        notification: notifications.map((n) => n.id),
      },
      slugs: [OWNING, OTHER, community.createCommunity.slug, document.createPolicyDocument.slug],
      tags: ['conflicts-of-interest', 'social-media', 'new-tag'],
      emails: [actors.member.email, bystanders[0].email, author.email],
      sources: [`social-media-policy@${published.publishPolicyVersion.version}`, 'social-media-policy@9.9', 'social-media-policy'],
      references: [reference, 'policy:social-media-policy@1.0#no-such-section', 'policy:no-such-policy@1.0#purpose'],
    };

    const schema = t.app.get(GraphQLSchemaHost).schema;
    mutations = Object.values(schema.getMutationType()?.getFields() ?? {}).sort((a, b) => a.name.localeCompare(b.name));

    const tables = (await t.db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)) as { tablename: string }[];
    checksumSql = tables
      .map(({ tablename }) => {
        const row = (BOOKKEEPING_COLUMNS[tablename] ?? []).reduce((expression, column) => `${expression} - '${column}'`, 'to_jsonb(t)');
        return `SELECT '${tablename}' AS name, md5(coalesce(string_agg(r, '|' ORDER BY r), '')) AS sum FROM (SELECT (${row})::text AS r FROM "${tablename}" t) x`;
      })
      .join('\nUNION ALL\n');
  });
  afterAll(async () => {
    if (REPORT) {
      const lines = [...outcomes].map(([key, counts]) => `${key}: ${[...counts].map(([outcome, n]) => `${outcome} ${n}`).join(', ')}`);
      process.stdout.write(`\n${lines.join('\n')}\n`);
    }
    await t?.close();
  });

  /** Sends one generated call and throws, saying why, when the answer breaks a rule. */
  async function probe(field: GraphQLField<unknown, unknown>, query: string, actor: ActorName, variables: Record<string, unknown>): Promise<void> {
    const token = await signedIn(actor);
    const before = await checksums();
    serverErrors = [];
    databaseRefusals = [];
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    const logged = () => (serverErrors.length ? `\nthe server logged: ${serverErrors.join('\n')}` : '');
    if (response.status >= 500) throw new Error(`HTTP ${response.status}: ${text.slice(0, 1_000)}${logged()}`);
    let body: { data?: Record<string, unknown> | null; errors?: { message: string; path?: (string | number)[]; extensions?: { code?: unknown; field?: unknown } }[] } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // A refusal before GraphQL (413 for a body over the limit) may not be JSON: still a refusal.
    }
    const errors = body.errors ?? [];
    if (REPORT) {
      const first = errors[0]?.extensions;
      count(`${field.name} as ${actor}`, first ? `${String(first.code)}${first.field ? `(${String(first.field)})` : ''}` : response.status >= 400 ? `HTTP ${response.status}` : 'ok');
    }
    const bad = errors.filter((error) => typeof error.extensions?.code !== 'string' || error.extensions.code === 'INTERNAL_SERVER_ERROR');
    if (bad.length) throw new Error(`answered ${JSON.stringify(bad)}${logged()}`);
    if (databaseRefusals.length) throw new Error(`answered ${JSON.stringify(errors)}, but only because PostgreSQL refused the input: ${databaseRefusals.join('\n')}`);

    // Refused: the mutation itself answered null with its own error (not a field read back after it ran).
    const refused = (body.data?.[field.name] ?? null) === null && (errors.length > 0 || response.status >= 400) && errors.every((error) => !error.path || error.path.length <= 1);
    if (!refused) return;
    const after = await checksums();
    const changed = [...after.keys()].filter((table) => before.get(table) !== after.get(table));
    if (changed.length) {
      throw new Error(`refused with ${errors.map((e) => `${String(e.extensions?.code)} "${e.message}"`).join('; ') || `HTTP ${response.status}`}, yet changed rows in ${changed.join(', ')}`);
    }
  }

  /** Seeds differ per mutation and actor, fixed for each, so each stream stays the same when mutations are added. */
  const seedFor = (mutation: string, actor: ActorName) => SEED + (createHash('sha256').update(`${mutation}/${actor}`).digest().readUInt32BE(0) % 1_000_000);

  // ---- what the fuzzing found, kept as plain examples

  const send = (token: string, query: string, variables: Record<string, unknown>) => t.gql(query, variables, { token });

  it('NUL or half a surrogate pair in any text is BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const member = await signedIn('member');
    const admin = await signedIn('siteAdmin');
    const before = await checksums();
    const note = await send(member, 'mutation($input: RequestOrganisationRoleInput!) { requestOrganisationRole(input: $input) }', {
      input: { organisationSlug: OTHER, role: 'MEMBER', note: 'nul\u0000inside' },
    });
    expect(note.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
    expect(note.errors?.[0]?.message).toMatch(/NUL character/);
    const title = await send(member, 'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }', {
      input: { communityId: forum.ids.community[0], title: 'A question about \uD800 half an emoji', body: 'Body.', tags: ['social-media'] },
    });
    expect(title.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(title.errors?.[0]?.message).toMatch(/half of a character/);
    const scalar = await send(member, 'mutation($password: String!) { deleteMyAccount(password: $password) }', { password: 'correct horse\u0000' });
    expect(scalar.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
    const element = await send(member, 'mutation($input: [AffiliationInput!]!) { setAffiliations(input: $input) { id } }', {
      input: [{ organisationSlug: OTHER, role: 'parish councillor' }, { organisationSlug: OWNING, role: 'governor\uDC00' }],
    });
    expect(element.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
    const contributor = await send(admin, 'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { id } }', {
      input: { documentId: forum.ids.document[0], bump: 'MINOR', summaryOfChanges: 'Contacts.', contributors: [{ name: 'Head of ICT', role: 'Review\u0000er' }] },
    });
    expect(contributor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contributors.role' });
    expect(await checksums()).toEqual(before);
  });

  it('suspending an erased account is NOT_FOUND', async () => {
    const leaver = await person('Leaver');
    const admin = await signedIn('siteAdmin');
    const erased = await send(admin, 'mutation($id: ID!) { eraseAccount(userId: $id) }', { id: leaver.id });
    expect(erased.errors).toBeUndefined();
    const before = await checksums();
    const result = await send(admin, 'mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { id } }', { input: { userId: leaver.id, days: 3, reason: 'Spam.' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'userId' });
    expect(await checksums()).toEqual(before);
  });

  it('reads the mutations from the schema', () => {
    expect(mutations.length).toBeGreaterThan(40);
    expect(mutations.map((m) => m.name)).toEqual(expect.arrayContaining(['askQuestion', 'savePolicyDraft', 'setAffiliations', 'signUp']));
  });

  it.each<ActorName>(['member', 'siteAdmin'])(
    'as %s: never INTERNAL_SERVER_ERROR, and a refusal changes nothing',
    async (actor) => {
      const failures: string[] = [];
      for (const field of mutations) {
        const query = operationFor(field);
        const seed = seedFor(field.name, actor);
        try {
          await fc.assert(
            fc.asyncProperty(new Inputs(await scene(actor)).variables(field), (variables) => probe(field, query, actor, variables)),
            {
              seed,
              numRuns: RUNS,
              // No shrinking: every run changes the forum, so a shrunk input would not replay the same.
              endOnFailure: true,
              reporter: (details) => {
                if (!details.failed) return;
                const reason = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
                throw new Error(`${reason}\n  seed ${details.seed}, path "${details.counterexamplePath}"\n  variables ${describeInput(details.counterexample?.[0])}`);
              },
            },
          );
        } catch (error) {
          failures.push(`${field.name} as ${actor}: ${error instanceof Error ? error.message : String(error)}\n  query ${query}`);
          if (REPORT) process.stdout.write(`\nFAILED ${failures.at(-1)}\n`);
        }
      }
      expect(failures).toEqual([]);
    },
    // About 35 s per actor at 20 runs on two busy cores; more runs (MUTATION_FUZZ_RUNS) get more time.
    Math.max(240_000, RUNS * 10_000),
  );
});

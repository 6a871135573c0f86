import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options.js';
import { maintenanceUrl, quoteIdentifier } from '../database/database-admin.js';
import { runMigrations } from '../database/migrate.js';
import { hashPassword } from '../modules/accounts/passwords.js';
import { PolicyDocumentEntity } from '../modules/policies/policy.entity.js';
import { insertPolicyVersion } from '../modules/policies/policy-versions.js';
import { RECOUNT_QUESTIONS_SQL } from '../modules/questions/question-counts.js';
import { scalePolicyDocuments, VERSION_NUMBERS } from './scale-policies.js';
import { SeededRandom, stableUuid, Zipf } from './scale-random.js';
import { ScaleText } from './scale-text.js';

export type ScaleSize = 'large' | 'small';

export interface ScaleCounts {
  users: number;
  organisations: number;
  communities: number;
  tags: number;
  questions: number;
  answers: number;
  comments: number;
  votes: number;
  policyDocuments: number;
  versionsPerDocument: number;
  sectionsPerVersion: number;
  citations: number;
  follows: number;
}

/** Issue #11's forum, and 1 % of it for tests (with enough communities, tags and documents to spread over). */
export const SCALE_COUNTS: Record<ScaleSize, ScaleCounts> = {
  large: {
    users: 10_000,
    organisations: 20,
    communities: 60,
    tags: 2_000,
    questions: 100_000,
    answers: 300_000,
    comments: 400_000,
    votes: 1_000_000,
    policyDocuments: 40,
    versionsPerDocument: VERSION_NUMBERS.length,
    sectionsPerVersion: 20,
    citations: 150_000,
    follows: 50_000,
  },
  small: {
    users: 100,
    organisations: 4,
    communities: 6,
    tags: 20,
    questions: 1_000,
    answers: 3_000,
    comments: 4_000,
    votes: 10_000,
    policyDocuments: 4,
    versionsPerDocument: VERSION_NUMBERS.length,
    sectionsPerVersion: 20,
    citations: 1_500,
    follows: 500,
  },
};

export const DEFAULT_SCALE_DATABASE = 'policy_commons_scale';
/** Every seeded account has this password, so a benchmark or a person can sign in as anyone. */
export const SCALE_PASSWORD = 'scale-data-password';
export const DEFAULT_SCALE_SEED = 11;

/** SCALE_DATABASE_URL, or DATABASE_URL's server with the scale database's name. */
export function scaleDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SCALE_DATABASE_URL) return env.SCALE_DATABASE_URL;
  const url = new URL(env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/policy_commons');
  url.pathname = `/${DEFAULT_SCALE_DATABASE}`;
  return url.toString();
}

/** Kinds of row, for stableUuid. */
const Kind = { user: 1, community: 2, tag: 3, question: 4, answer: 5, comment: 6, vote: 7, citation: 8, revision: 9, organisation: 10 } as const;

const DAY = 86_400_000;
/** The data's "now": fixed, so the same seed gives the same rows whenever it runs. */
const END = Date.UTC(2025, 5, 1);
const START = END - 3 * 365 * DAY;

interface Column {
  name: string;
  /** The element type of the parameter array, e.g. uuid, text, timestamptz. */
  type: string;
  /** An expression over `v` when the stored type needs a cast from the parameter's (e.g. text → text[]). */
  cast?: string;
}

/** Multi-row INSERT from one array per column: one statement per batch of rows. */
async function insertRows(client: pg.ClientBase, table: string, columns: Column[], rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const select = columns.map((c, i) => (c.cast ? c.cast.replace(/\bv\b/g, `c${i}`) : `c${i}`)).join(', ');
  const unnest = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const names = columns.map((c) => c.name).join(', ');
  const aliases = columns.map((_, i) => `c${i}`).join(', ');
  await client.query(`INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${unnest}) AS r(${aliases})`, columns.map((_, i) => rows.map((row) => row[i])));
}

/** The session settings of every loading connection: rows are consistent by construction (the scale-seed test checks them). */
async function loadingConnection(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`SET synchronous_commit = off`);
  try {
    // Foreign-key and append-only triggers stay off while loading (this session only).
    await client.query(`SET session_replication_role = replica`);
  } catch (error) {
    await client.end();
    throw new Error(`The scale seed loads with triggers off, which needs a superuser connection: ${(error as Error).message}`, { cause: error });
  }
  return client;
}

/**
 * Collects rows and writes them in batches on a connection of its own, reporting progress
 * per table. One batch is in flight while the next is generated, so generating rows here
 * and storing them in PostgreSQL (tsvectors included) use both cores.
 */
class TableWriter {
  private rows: unknown[][] = [];
  private bytes = 0;
  private client: Promise<pg.Client> | null = null;
  private inFlight: Promise<void> = Promise.resolve();
  written = 0;
  private lastReport = 0;
  static readonly open: TableWriter[] = [];

  constructor(
    private readonly databaseUrl: string,
    private readonly table: string,
    private readonly columns: Column[],
    private readonly expected: number,
    private readonly log: (line: string) => void,
    private readonly started: number,
  ) {
    TableWriter.open.push(this);
  }

  async add(row: unknown[]): Promise<void> {
    this.rows.push(row);
    for (const value of row) if (typeof value === 'string') this.bytes += value.length;
    if (this.rows.length >= 5000 || this.bytes > 4_000_000) await this.send();
  }

  /** Waits for the batch in flight, then starts this one without waiting for it. */
  private async send(): Promise<void> {
    await this.inFlight;
    const rows = this.rows;
    this.rows = [];
    this.bytes = 0;
    this.client ??= loadingConnection(this.databaseUrl);
    const client = await this.client;
    this.inFlight = insertRows(client, this.table, this.columns, rows).then(() => this.wrote(rows.length));
    // A failure surfaces at the next send or flush; until then it must not be unhandled.
    this.inFlight.catch(() => undefined);
  }

  private wrote(count: number): void {
    this.written += count;
    const now = Date.now();
    if (now - this.lastReport > 3000 || this.written === this.expected) {
      this.lastReport = now;
      this.log(`  ${this.table}: ${this.written.toLocaleString('en-GB')}/${this.expected.toLocaleString('en-GB')} (${((now - this.started) / 1000).toFixed(1)} s)`);
    }
  }

  /** Writes what is left and waits until every row is stored. */
  async flush(): Promise<void> {
    if (this.rows.length) await this.send();
    await this.inFlight;
  }

  static async closeAll(): Promise<void> {
    for (const writer of TableWriter.open.splice(0)) {
      await writer.inFlight.catch(() => undefined);
      if (writer.client) await (await writer.client).end();
    }
  }
}

/** Common words that make poor tags. */
const STOP_WORDS = new Set(['that', 'with', 'this', 'have']);

const iso = (ms: number) => new Date(ms).toISOString();
const slugify = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const arrayLiteral = (items: string[]) => `{${items.join(',')}}`;

export interface ScaleReport {
  databaseUrl: string;
  size: ScaleSize;
  seconds: number;
  rows: Record<string, number>;
}

export interface ScaleSeedOptions {
  databaseUrl: string;
  size: ScaleSize;
  seed?: number;
  log?: (line: string) => void;
}

/** Drops and creates the scale database (never one named like the demo or test databases' template). */
async function recreateDatabase(databaseUrl: string): Promise<void> {
  const { url, database } = maintenanceUrl(databaseUrl);
  if (database === 'policy_commons' || database === 'postgres' || database.startsWith('template')) {
    throw new Error(`Refusing to replace the database "${database}" with scale data: name a database of its own (SCALE_DATABASE_URL), e.g. ${DEFAULT_SCALE_DATABASE}.`);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(database)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Tables the bulk load writes: their secondary indexes are dropped first and built once at the end. */
const BULK_TABLES = [
  'users',
  'notification_settings',
  'community_members',
  'questions',
  'question_tags',
  'answers',
  'post_revisions',
  'comments',
  'votes',
  'citations',
  'follows',
  'answer_acceptances',
];

/**
 * Fills a database of its own with a forum the size of issue #11's (or 1 % of it),
 * deterministically from `seed`. Rows are generated here with every counter they carry
 * (answer counts, scores, activity times) computed from the rows they count, and written
 * with multi-row inserts while foreign-key triggers are off and secondary indexes are
 * absent; the indexes are then built once and every table is vacuumed and analysed.
 */
export async function seedScaleData(options: ScaleSeedOptions): Promise<ScaleReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const counts = SCALE_COUNTS[options.size];
  const seed = options.seed ?? DEFAULT_SCALE_SEED;
  const random = new SeededRandom(seed);
  const text = new ScaleText(random);
  const id = (kind: number, index: number) => stableUuid(seed, kind, index);
  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

  log(`Scale data (${options.size}) into ${maintenanceUrl(options.databaseUrl).database}: creating and migrating the database`);
  await recreateDatabase(options.databaseUrl);
  await runMigrations(options.databaseUrl);

  // ---- people, organisations, communities, tags ------------------------------------------
  const organisationSlugs = Array.from({ length: counts.organisations }, (_, i) => `${['north', 'south', 'east', 'west', 'mid'][i % 5]}-${['county', 'district', 'borough', 'city'][Math.floor(i / 5) % 4]}-council${i >= 20 ? `-${i}` : ''}`);
  const userCreated = Float64Array.from({ length: counts.users }, (_, i) => START - 60 * DAY + (i / counts.users) * 0.9 * (END - START));
  const userRank = new Zipf(counts.users, 0.8);
  const communityRank = new Zipf(counts.communities, 0.8);
  const tagRank = new Zipf(counts.tags, 0.9);

  // ---- policies: written through the api's own code, so they are exactly what publishing writes ----
  log(`Policy documents: ${counts.policyDocuments} × ${counts.versionsPerDocument} versions × ${counts.sectionsPerVersion} sections`);
  const documents = scalePolicyDocuments(counts.policyDocuments, counts.sectionsPerVersion, organisationSlugs, random, text);
  const typeorm = new DataSource(dataSourceOptions({ databaseUrl: options.databaseUrl, logSql: false, statementTimeoutMs: 0 }));
  await typeorm.initialize();
  try {
    await typeorm.transaction(async (tx) => {
      await tx.query(`INSERT INTO organisations (id, slug, name) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[])`, [
        organisationSlugs.map((_, i) => id(Kind.organisation, i)),
        organisationSlugs,
        organisationSlugs.map((slug) => slug.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase())),
      ]);
      for (const document of documents) {
        const organisationId = id(Kind.organisation, organisationSlugs.indexOf(document.organisation));
        const row = await tx.getRepository(PolicyDocumentEntity).save(tx.getRepository(PolicyDocumentEntity).create({ slug: document.slug, title: document.title, organisationId }));
        for (const version of document.versions) await insertPolicyVersion(tx, row.id, { ...version, publishedBy: null });
      }
    });
  } finally {
    await typeorm.destroy();
  }

  const client = await loadingConnection(options.databaseUrl);
  const rows: Record<string, number> = {};
  try {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    const indexes = (
      await client.query<{ name: string; definition: string }>(
        `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
           FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
          WHERE n.nspname = 'public' AND t.relname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
        [BULK_TABLES],
      )
    ).rows;
    for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);

    const sections = (
      await client.query<{ id: string; versionId: string; documentId: string; anchor: string; title: string; reference: string; versionIndex: number; documentIndex: number }>(
        `SELECT s.id, s.version_id AS "versionId", v.document_id AS "documentId", s.anchor, s.title,
                'policy:' || d.slug || '@' || v.version || '#' || s.anchor AS reference,
                (dense_rank() OVER (PARTITION BY d.id ORDER BY v.major, v.minor))::int - 1 AS "versionIndex",
                (dense_rank() OVER (ORDER BY d.slug))::int - 1 AS "documentIndex"
           FROM policy_sections s JOIN policy_versions v ON v.id = s.version_id JOIN policy_documents d ON d.id = v.document_id
          ORDER BY d.slug, v.major, v.minor, s.position`,
      )
    ).rows;
    const sectionsOf = new Map<string, typeof sections>();
    for (const section of sections) {
      const key = `${section.documentIndex}:${section.versionIndex}`;
      sectionsOf.set(key, [...(sectionsOf.get(key) ?? []), section]);
    }
    const documentIds = [...new Set(sections.map((s) => s.documentId))];

    // ---- users ---------------------------------------------------------------------------
    log(`Users and communities (${elapsed()})`);
    const passwordHash = await hashPassword(SCALE_PASSWORD);
    const users = new TableWriter(options.databaseUrl, 'users', [
      { name: 'id', type: 'uuid' },
      { name: 'email', type: 'text' },
      { name: 'display_name', type: 'text' },
      { name: 'password_hash', type: 'text' },
      { name: 'role', type: 'text', cast: 'v::user_role' },
      { name: 'created_at', type: 'timestamptz' },
    ], counts.users, log, started);
    const settings = new TableWriter(options.databaseUrl, 'notification_settings', [
      { name: 'user_id', type: 'uuid' },
      { name: 'digest_frequency', type: 'text', cast: 'v::digest_frequency' },
      { name: 'digest_weekday', type: 'int2' },
      { name: 'digest_hour', type: 'int2' },
      { name: 'email_confirmed_at', type: 'timestamptz' },
      { name: 'digest_watermark', type: 'timestamptz' },
      { name: 'created_at', type: 'timestamptz' },
    ], counts.users, log, started);
    const admins = Math.max(1, Math.floor(counts.users / 5000));
    const moderators = Math.max(2, Math.floor(counts.users / 500));
    for (let u = 0; u < counts.users; u += 1) {
      const role = u < admins ? 'ADMIN' : u < admins + moderators ? 'MODERATOR' : 'MEMBER';
      await users.add([id(Kind.user, u), `member${u + 1}@scale.example.org`, text.personName(), passwordHash, role, iso(userCreated[u] as number)]);
      const frequency = random.chance(0.6) ? 'DAILY' : random.chance(0.6) ? 'WEEKLY' : 'OFF';
      await settings.add([
        id(Kind.user, u),
        frequency,
        frequency === 'WEEKLY' ? random.between(1, 7) : null,
        random.between(6, 20),
        random.chance(0.7) ? iso((userCreated[u] as number) + DAY) : null,
        iso(END),
        iso(userCreated[u] as number),
      ]);
    }
    await users.flush();
    await settings.flush();
    rows.users = users.written;

    await insertRows(
      client,
      'organisation_memberships',
      [
        { name: 'organisation_id', type: 'uuid' },
        { name: 'user_id', type: 'uuid' },
        { name: 'role', type: 'text', cast: 'v::organisation_role' },
      ],
      organisationSlugs.flatMap((_, o) => [
        [id(Kind.organisation, o), id(Kind.user, admins + moderators + o * 2), 'ORG_ADMIN'],
        [id(Kind.organisation, o), id(Kind.user, admins + moderators + o * 2 + 1), 'POLICY_AUTHOR'],
      ]),
    );

    // ---- communities ---------------------------------------------------------------------
    const communityTitles = new Set<string>(['Social Media in Local Government']);
    while (communityTitles.size < counts.communities) {
      const title = `${text.words[random.between(12, 200)]} ${text.words[random.between(12, 400)]} in ${random.pick(['local government', 'schools', 'parish councils', 'health', 'housing', 'libraries', 'the voluntary sector', 'planning'])}`;
      communityTitles.add(title.charAt(0).toUpperCase() + title.slice(1));
    }
    const communityRows = [...communityTitles].map((title, c) => [
      id(Kind.community, c),
      slugify(title),
      title,
      text.paragraphs(text.length(200, 60, 600), 800),
      id(Kind.user, c % (admins + moderators)),
      iso(START - 30 * DAY + c * DAY),
    ]);
    await insertRows(
      client,
      'communities',
      ['id', 'slug', 'title', 'description', 'created_by', 'created_at'].map((name, i) => ({ name, type: ['uuid', 'text', 'text', 'text', 'uuid', 'timestamptz'][i] as string })),
      communityRows,
    );
    await insertRows(
      client,
      'community_moderators',
      [
        { name: 'community_id', type: 'uuid' },
        { name: 'user_id', type: 'uuid' },
      ],
      communityRows.flatMap((_, c) => [
        [id(Kind.community, c), id(Kind.user, admins + ((c * 2) % moderators))],
        [id(Kind.community, c), id(Kind.user, admins + ((c * 2 + 1) % moderators))],
      ]),
    );
    const members = new TableWriter(options.databaseUrl, 'community_members', [
      { name: 'community_id', type: 'uuid' },
      { name: 'user_id', type: 'uuid' },
      { name: 'joined_at', type: 'timestamptz' },
    ], counts.users * 3, log, started);
    for (let u = 0; u < counts.users; u += 1) {
      const joined = new Set<number>();
      const wanted = random.between(1, 5);
      while (joined.size < Math.min(wanted, counts.communities)) joined.add(communityRank.sample(random));
      for (const c of joined) await members.add([id(Kind.community, c), id(Kind.user, u), iso((userCreated[u] as number) + random.exponential(30 * DAY))]);
    }
    await members.flush();
    rows.community_members = members.written;

    // ---- tags ------------------------------------------------------------------------------
    // The most used tags are single words of the field; the long tail combines words.
    const tagSlugs: string[] = [];
    const taken = new Set<string>();
    for (const word of text.words) {
      if (tagSlugs.length >= Math.min(counts.tags, 250)) break;
      if (word.length > 3 && !STOP_WORDS.has(word) && !taken.has(word)) {
        taken.add(word);
        tagSlugs.push(word);
      }
    }
    while (tagSlugs.length < counts.tags) {
      const slug = `${text.words[random.between(21, 300)]}-${text.word()}`;
      if (slug.length <= 35 && !taken.has(slug)) {
        taken.add(slug);
        tagSlugs.push(slug);
      }
    }
    await insertRows(
      client,
      'tags',
      [
        { name: 'id', type: 'uuid' },
        { name: 'slug', type: 'text' },
        { name: 'created_at', type: 'timestamptz' },
      ],
      tagSlugs.map((slug, t) => [id(Kind.tag, t), slug, iso(START + (t / counts.tags) * (END - START) * 0.5)]),
    );

    // ---- the shape of the forum, before any text ---------------------------------------------
    log(`Planning questions, answers, comments, votes and citations (${elapsed()})`);
    const Q = counts.questions;
    const A = counts.answers;
    const questionCreated = new Float64Array(Q);
    const questionAuthor = new Int32Array(Q);
    const questionCommunity = new Int32Array(Q);
    const questionActivity = new Float64Array(Q);
    const questionScore = new Int32Array(Q);
    const questionAnswerCount = new Int32Array(Q);
    const questionAccepted = new Int32Array(Q).fill(-1);
    const questionRemoval = new Uint8Array(Q); // 0 shown, 1 hidden, 2 deleted
    const questionCitations = new Uint8Array(Q);
    const questionEdited = new Float64Array(Q); // time of the second revision, 0 when never edited
    for (let q = 0; q < Q; q += 1) {
      questionCreated[q] = START + ((q + random.next()) / Q) * (END - START - DAY);
      questionAuthor[q] = userRank.sample(random);
      questionCommunity[q] = communityRank.sample(random);
      questionRemoval[q] = random.chance(0.003) ? 1 : random.chance(0.002) ? 2 : 0;
      if (random.chance(0.08)) questionEdited[q] = (questionCreated[q] as number) + random.exponential(2 * DAY);
    }

    // Answers per question: about one in seven unanswered, a long tail of busy questions.
    const perQuestion = new Int32Array(Q);
    let planned = 0;
    for (let q = 0; q < Q; q += 1) {
      const count = random.chance(0.15) ? 0 : 1 + Math.floor(random.exponential((A / Q) / 0.85 - 1));
      perQuestion[q] = count;
      planned += count;
    }
    while (planned !== A) {
      const q = random.int(Q);
      if (planned < A && (perQuestion[q] as number) > 0) {
        perQuestion[q] = (perQuestion[q] as number) + 1;
        planned += 1;
      } else if (planned > A && (perQuestion[q] as number) > 1) {
        perQuestion[q] = (perQuestion[q] as number) - 1;
        planned -= 1;
      }
    }
    const answerQuestion = new Int32Array(A);
    const answerCreated = new Float64Array(A);
    const answerAuthor = new Int32Array(A);
    const answerScore = new Int32Array(A);
    const answerRemoval = new Uint8Array(A);
    const answerCitations = new Uint8Array(A);
    const answerEdited = new Float64Array(A);
    const acceptedAt = new Float64Array(Q);
    {
      let a = 0;
      for (let q = 0; q < Q; q += 1) {
        let firstShown = -1;
        for (let k = 0; k < (perQuestion[q] as number); k += 1, a += 1) {
          answerQuestion[a] = q;
          answerCreated[a] = Math.min(END - 60_000, (questionCreated[q] as number) + random.exponential(2 * DAY));
          answerAuthor[a] = userRank.sample(random);
          answerRemoval[a] = random.chance(0.003) ? 1 : random.chance(0.005) ? 2 : 0;
          if (random.chance(0.08)) answerEdited[a] = Math.min(END - 1000, (answerCreated[a] as number) + random.exponential(DAY));
          if (answerRemoval[a] === 0) {
            questionAnswerCount[q] = (questionAnswerCount[q] as number) + 1;
            if (firstShown < 0 || random.chance(0.3)) firstShown = a;
          }
        }
        if (firstShown >= 0 && random.chance(0.4)) {
          questionAccepted[q] = firstShown;
          acceptedAt[q] = Math.min(END - 1000, (answerCreated[firstShown] as number) + random.exponential(DAY));
        }
      }
    }

    // Comments: on questions and on answers.
    const C = counts.comments;
    const commentOnAnswer = new Int32Array(C).fill(-1);
    const commentOnQuestion = new Int32Array(C).fill(-1);
    const commentCreated = new Float64Array(C);
    for (let c = 0; c < C; c += 1) {
      if (random.chance(0.35)) {
        const q = random.int(Q);
        commentOnQuestion[c] = q;
        commentCreated[c] = Math.min(END - 1000, (questionCreated[q] as number) + random.exponential(DAY));
      } else {
        const a = random.int(A);
        commentOnAnswer[c] = a;
        commentCreated[c] = Math.min(END - 1000, (answerCreated[a] as number) + random.exponential(DAY));
      }
    }

    // Votes: one per person per post, never on one's own post.
    const V = counts.votes;
    const votePost = new Int32Array(V); // >= 0: answer index; < 0: -(question index) - 1
    const voteUser = new Int32Array(V);
    const voteValue = new Int8Array(V);
    {
      const seen = new Set<number>();
      for (let v = 0; v < V; ) {
        const onQuestion = random.chance(0.3);
        const post = onQuestion ? random.int(Q) : random.int(A);
        const user = userRank.sample(random);
        const author = onQuestion ? questionAuthor[post] : answerAuthor[post];
        const key = (onQuestion ? post : Q + post) * counts.users + user;
        if (user === author || seen.has(key)) continue;
        seen.add(key);
        votePost[v] = onQuestion ? -post - 1 : post;
        voteUser[v] = user;
        const value = random.chance(0.85) ? 1 : -1;
        voteValue[v] = value;
        if (onQuestion) questionScore[post] = (questionScore[post] as number) + value;
        else answerScore[post] = (answerScore[post] as number) + value;
        v += 1;
      }
    }

    // Citations: a fifth in questions, the rest in answers, at most three per post.
    {
      const inQuestions = Math.round(counts.citations * 0.2);
      for (let n = 0; n < counts.citations; ) {
        const onQuestion = n < inQuestions;
        const list = onQuestion ? questionCitations : answerCitations;
        const post = random.int(list.length);
        if ((list[post] as number) >= 3) continue;
        list[post] = (list[post] as number) + 1;
        n += 1;
      }
    }

    // Activity: asked, answered, commented on, accepted or edited, whichever came last.
    for (let q = 0; q < Q; q += 1) questionActivity[q] = Math.max(questionCreated[q] as number, questionEdited[q] as number, acceptedAt[q] as number);
    for (let a = 0; a < A; a += 1) {
      const q = answerQuestion[a] as number;
      questionActivity[q] = Math.max(questionActivity[q] as number, answerCreated[a] as number, answerEdited[a] as number);
    }
    for (let c = 0; c < C; c += 1) {
      const q = (commentOnQuestion[c] as number) >= 0 ? (commentOnQuestion[c] as number) : (answerQuestion[commentOnAnswer[c] as number] as number);
      questionActivity[q] = Math.max(questionActivity[q] as number, commentCreated[c] as number);
    }
    // Timestamps are stored to the millisecond on questions (list cursors carry them).
    for (let q = 0; q < Q; q += 1) {
      questionCreated[q] = Math.floor(questionCreated[q] as number);
      questionActivity[q] = Math.floor(questionActivity[q] as number);
    }

    const citationsWriter = new TableWriter(options.databaseUrl, 'citations', [
      { name: 'id', type: 'uuid' },
      { name: 'question_id', type: 'uuid' },
      { name: 'answer_id', type: 'uuid' },
      { name: 'version_id', type: 'uuid' },
      { name: 'section_id', type: 'uuid' },
      { name: 'reference', type: 'text' },
      { name: 'position', type: 'int2' },
      { name: 'created_at', type: 'timestamptz' },
    ], counts.citations, log, started);
    const documentRank = new Zipf(documentIds.length, 0.7);
    let citationIndex = 0;
    /** Chooses a post's citations, writes their rows, and returns the paragraph that cites them. */
    const cite = async (post: { questionId: string | null; answerId: string | null }, count: number, at: number): Promise<string> => {
      const chosen = new Map<string, (typeof sections)[number]>();
      while (chosen.size < count) {
        const documentIndex = documentRank.sample(random);
        // Newer versions are cited more, but every version is cited by someone.
        const versionIndex = Math.min(counts.versionsPerDocument - 1, Math.floor(Math.pow(random.next(), 0.6) * counts.versionsPerDocument));
        const section = random.pick(sectionsOf.get(`${documentIndex}:${versionIndex}`) ?? []);
        chosen.set(section.reference, section);
      }
      const lines: string[] = [];
      let position = 0;
      for (const section of chosen.values()) {
        await citationsWriter.add([id(Kind.citation, citationIndex), post.questionId, post.answerId, section.versionId, section.id, section.reference, position, iso(at)]);
        citationIndex += 1;
        position += 1;
        lines.push(`- [${section.title}](${section.reference})`);
      }
      return `\n\nThe policy text that applies:\n\n${lines.join('\n')}`;
    };

    // ---- questions ---------------------------------------------------------------------------
    log(`Questions (${elapsed()})`);
    const questions = new TableWriter(options.databaseUrl, 'questions', [
      { name: 'id', type: 'uuid' },
      { name: 'community_id', type: 'uuid' },
      { name: 'author_id', type: 'uuid' },
      { name: 'title', type: 'text' },
      { name: 'body', type: 'text' },
      { name: 'score', type: 'int4' },
      { name: 'view_count', type: 'int4' },
      { name: 'answer_count', type: 'int4' },
      { name: 'accepted_answer_id', type: 'uuid' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
      { name: 'last_activity_at', type: 'timestamptz' },
      { name: 'hidden_at', type: 'timestamptz' },
      { name: 'deleted_at', type: 'timestamptz' },
      { name: 'removal_reason', type: 'text' },
      { name: 'closed_reason', type: 'text', cast: 'v::close_reason' },
      { name: 'closed_at', type: 'timestamptz' },
      { name: 'closed_by', type: 'uuid' },
    ], Q, log, started);
    const questionTags = new TableWriter(options.databaseUrl, 'question_tags', [
      { name: 'question_id', type: 'uuid' },
      { name: 'tag_id', type: 'uuid' },
      { name: 'position', type: 'int2' },
      { name: 'question_created_at', type: 'timestamptz' },
    ], Math.round(Q * 2.6), log, started);
    const revisionColumns: Column[] = [
      { name: 'id', type: 'uuid' },
      { name: 'question_id', type: 'uuid' },
      { name: 'answer_id', type: 'uuid' },
      { name: 'revision', type: 'int4' },
      { name: 'title', type: 'text' },
      { name: 'body', type: 'text' },
      { name: 'tags', type: 'text', cast: 'v::text[]' },
      { name: 'edited_by', type: 'uuid' },
      { name: 'edited_at', type: 'timestamptz' },
    ];
    const revisions = new TableWriter(options.databaseUrl, 'post_revisions', revisionColumns, Math.round((Q + A) * 1.08), log, started);
    let revisionIndex = 0;
    const addRevisions = async (post: { questionId: string | null; answerId: string | null }, title: string | null, body: string, tags: string | null, author: string, created: number, edited: number) => {
      if (edited) {
        // The first version was shorter; the edit added the rest.
        const cut = body.lastIndexOf(' ', Math.max(10, Math.floor(body.length * 0.7)));
        await revisions.add([id(Kind.revision, revisionIndex++), post.questionId, post.answerId, 1, title, body.slice(0, cut > 0 ? cut : body.length), tags, author, iso(created)]);
        await revisions.add([id(Kind.revision, revisionIndex++), post.questionId, post.answerId, 2, title, body, tags, author, iso(edited)]);
      } else {
        await revisions.add([id(Kind.revision, revisionIndex++), post.questionId, post.answerId, 1, title, body, tags, author, iso(created)]);
      }
    };
    for (let q = 0; q < Q; q += 1) {
      const questionId = id(Kind.question, q);
      const created = questionCreated[q] as number;
      const citing = questionCitations[q] as number;
      const body =
        text.paragraphs(text.length(450, 40, 8000), 12000) + (citing ? await cite({ questionId, answerId: null }, citing, questionEdited[q] || created) : '');
      const title = text.title();
      const tagCount = random.between(1, Math.min(5, counts.tags));
      const tags = new Set<number>();
      while (tags.size < tagCount) tags.add(tagRank.sample(random));
      let position = 1;
      for (const t of tags) await questionTags.add([questionId, id(Kind.tag, t), position++, iso(created)]);
      const removal = questionRemoval[q] as number;
      const closed = removal === 0 && random.chance(0.01);
      const accepted = questionAccepted[q] as number;
      await questions.add([
        questionId,
        id(Kind.community, questionCommunity[q] as number),
        id(Kind.user, questionAuthor[q] as number),
        title,
        body,
        questionScore[q],
        Math.floor(random.exponential(40)) + (questionAnswerCount[q] as number) * 5,
        questionAnswerCount[q],
        accepted >= 0 ? id(Kind.answer, accepted) : null,
        iso(created),
        iso(Math.floor(questionEdited[q] || created)),
        iso(questionActivity[q] as number),
        removal === 1 ? iso(created + DAY) : null,
        removal === 2 ? iso(created + DAY) : null,
        removal ? 'Removed while the scale data was made.' : null,
        closed ? random.pick(['OFF_TOPIC', 'NEEDS_DETAILS']) : null,
        closed ? iso(created + 2 * DAY) : null,
        closed ? id(Kind.user, admins) : null,
      ]);
      await addRevisions({ questionId, answerId: null }, title, body, arrayLiteral([...tags].map((t) => tagSlugs[t] as string)), id(Kind.user, questionAuthor[q] as number), created, questionEdited[q] as number);
    }
    await questions.flush();
    await questionTags.flush();
    rows.questions = questions.written;
    rows.question_tags = questionTags.written;

    // ---- answers ---------------------------------------------------------------------------
    log(`Answers (${elapsed()})`);
    const answers = new TableWriter(options.databaseUrl, 'answers', [
      { name: 'id', type: 'uuid' },
      { name: 'question_id', type: 'uuid' },
      { name: 'author_id', type: 'uuid' },
      { name: 'body', type: 'text' },
      { name: 'score', type: 'int4' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
      { name: 'hidden_at', type: 'timestamptz' },
      { name: 'deleted_at', type: 'timestamptz' },
      { name: 'removal_reason', type: 'text' },
    ], A, log, started);
    const acceptances: unknown[][] = [];
    for (let a = 0; a < A; a += 1) {
      const answerId = id(Kind.answer, a);
      const created = answerCreated[a] as number;
      const citing = answerCitations[a] as number;
      const body = text.paragraphs(text.length(380, 20, 10000), 12000) + (citing ? await cite({ questionId: null, answerId }, citing, answerEdited[a] || created) : '');
      const removal = answerRemoval[a] as number;
      await answers.add([
        answerId,
        id(Kind.question, answerQuestion[a] as number),
        id(Kind.user, answerAuthor[a] as number),
        body,
        answerScore[a],
        iso(created),
        iso(answerEdited[a] || created),
        removal === 1 ? iso(created + DAY) : null,
        removal === 2 ? iso(created + DAY) : null,
        removal ? 'Removed while the scale data was made.' : null,
      ]);
      await addRevisions({ questionId: null, answerId }, null, body, null, id(Kind.user, answerAuthor[a] as number), created, answerEdited[a] as number);
      const q = answerQuestion[a] as number;
      if (questionAccepted[q] === a) acceptances.push([id(Kind.question, q), answerId, id(Kind.user, questionAuthor[q] as number), iso(acceptedAt[q] as number)]);
    }
    await answers.flush();
    await revisions.flush();
    await citationsWriter.flush();
    rows.answers = answers.written;
    rows.post_revisions = revisions.written;
    rows.citations = citationsWriter.written;
    for (let i = 0; i < acceptances.length; i += 5000) {
      await insertRows(
        client,
        'answer_acceptances',
        [
          { name: 'question_id', type: 'uuid' },
          { name: 'answer_id', type: 'uuid' },
          { name: 'accepted_by', type: 'uuid' },
          { name: 'accepted_at', type: 'timestamptz' },
        ],
        acceptances.slice(i, i + 5000),
      );
    }
    rows.answer_acceptances = acceptances.length;

    // ---- comments ----------------------------------------------------------------------------
    log(`Comments (${elapsed()})`);
    const comments = new TableWriter(options.databaseUrl, 'comments', [
      { name: 'id', type: 'uuid' },
      { name: 'question_id', type: 'uuid' },
      { name: 'answer_id', type: 'uuid' },
      { name: 'author_id', type: 'uuid' },
      { name: 'body', type: 'text' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'deleted_at', type: 'timestamptz' },
      { name: 'removal_reason', type: 'text' },
    ], C, log, started);
    for (let c = 0; c < C; c += 1) {
      const deleted = random.chance(0.003);
      await comments.add([
        id(Kind.comment, c),
        (commentOnQuestion[c] as number) >= 0 ? id(Kind.question, commentOnQuestion[c] as number) : null,
        (commentOnAnswer[c] as number) >= 0 ? id(Kind.answer, commentOnAnswer[c] as number) : null,
        id(Kind.user, userRank.sample(random)),
        text.paragraphs(text.length(110, 15, 600), 2000),
        iso(commentCreated[c] as number),
        deleted ? iso((commentCreated[c] as number) + DAY) : null,
        deleted ? 'Removed while the scale data was made.' : null,
      ]);
    }
    await comments.flush();
    rows.comments = comments.written;

    // ---- votes -------------------------------------------------------------------------------
    log(`Votes (${elapsed()})`);
    const votes = new TableWriter(options.databaseUrl, 'votes', [
      { name: 'id', type: 'uuid' },
      { name: 'user_id', type: 'uuid' },
      { name: 'question_id', type: 'uuid' },
      { name: 'answer_id', type: 'uuid' },
      { name: 'value', type: 'int2' },
      { name: 'created_at', type: 'timestamptz' },
      { name: 'updated_at', type: 'timestamptz' },
    ], V, log, started);
    for (let v = 0; v < V; v += 1) {
      const post = votePost[v] as number;
      const at = iso(Math.min(END - 1000, (post < 0 ? (questionCreated[-post - 1] as number) : (answerCreated[post] as number)) + random.exponential(3 * DAY)));
      await votes.add([id(Kind.vote, v), id(Kind.user, voteUser[v] as number), post < 0 ? id(Kind.question, -post - 1) : null, post >= 0 ? id(Kind.answer, post) : null, voteValue[v], at, at]);
    }
    await votes.flush();
    rows.votes = votes.written;

    // ---- follows -----------------------------------------------------------------------------
    log(`Follows (${elapsed()})`);
    const follows = new TableWriter(options.databaseUrl, 'follows', [
      { name: 'user_id', type: 'uuid' },
      { name: 'kind', type: 'text', cast: 'v::follow_kind' },
      { name: 'target_id', type: 'uuid' },
      { name: 'automatic', type: 'bool' },
      { name: 'created_at', type: 'timestamptz' },
    ], counts.follows, log, started);
    {
      const seen = new Set<string>();
      while (seen.size < counts.follows) {
        const user = userRank.sample(random);
        const roll = random.next();
        const [kind, target] =
          roll < 0.4
            ? ['QUESTION', id(Kind.question, random.int(Q))]
            : roll < 0.65
              ? ['TAG', id(Kind.tag, tagRank.sample(random))]
              : roll < 0.85
                ? ['COMMUNITY', id(Kind.community, communityRank.sample(random))]
                : ['POLICY_DOCUMENT', random.pick(documentIds)];
        const key = `${user}:${kind}:${target}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await follows.add([id(Kind.user, user), kind, target, kind === 'QUESTION' && random.chance(0.5), iso((userCreated[user] as number) + random.exponential(100 * DAY))]);
      }
    }
    await follows.flush();
    rows.follows = follows.written;

    // ---- indexes, statistics ----------------------------------------------------------------
    log(`Building ${indexes.length} indexes (${elapsed()})`);
    await client.query(`SET session_replication_role = origin`);
    for (const index of indexes) await client.query(index.definition);
    // Counts that triggers keep as rows change, recounted once for rows loaded without them.
    for (const statement of RECOUNT_QUESTIONS_SQL) await client.query(statement);
    log(`Vacuuming and analysing (${elapsed()})`);
    await client.query('VACUUM (ANALYZE)');
  } finally {
    await TableWriter.closeAll();
    await client.end();
  }
  rows.policy_documents = documents.length;
  rows.policy_versions = documents.length * counts.versionsPerDocument;
  const seconds = (Date.now() - started) / 1000;
  log(`Scale data (${options.size}) ready in ${seconds.toFixed(1)} s.`);
  return { databaseUrl: options.databaseUrl, size: options.size, seconds, rows };
}

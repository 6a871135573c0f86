import { randomUUID } from 'node:crypto';
import { errorOf, grantRole, signUp, startTestApp, type TestApp } from './test-app.js';
import type { Person } from './forum-fixtures.js';

/**
 * Input that used to reach PostgreSQL and come back as INTERNAL_SERVER_ERROR: a slug taken
 * by a creation running at the same moment, and page cursors that decode but do not hold
 * a date or an id PostgreSQL accepts. Each must be BAD_USER_INPUT naming the field.
 */
describe('input that used to fail inside the database', () => {
  let t: TestApp;
  let admin: Person;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signUp(t, 'Site Admin');
    await grantRole(t, admin.id, 'ADMIN');
    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ('county-council', 'Shireford County Council')`);
  });
  afterAll(() => t.close());

  /**
   * Holds `slug` in an uncommitted transaction of our own, sends the mutation (whose check
   * for a taken slug cannot see it, so its INSERT waits on the unique key), commits once
   * PostgreSQL shows that INSERT waiting, and returns the mutation's answer: the race, made
   * to happen every time.
   */
  async function racedWith<T>(claim: string, parameters: unknown[], send: () => Promise<T>): Promise<T> {
    const rival = t.db.createQueryRunner();
    await rival.connect();
    try {
      await rival.startTransaction();
      await rival.query(claim, parameters);
      const answer = send();
      const deadline = Date.now() + 10_000;
      for (;;) {
        const [{ waiting }] = (await t.db.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT%'`,
        )) as { waiting: number }[];
        if (waiting > 0) break;
        if (Date.now() > deadline) throw new Error('the mutation never waited on the unique key');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await rival.commitTransaction();
      return await answer;
    } finally {
      await rival.release();
    }
  }

  it('createCommunity: a slug taken at the same moment is BAD_USER_INPUT, and nothing is half-made', async () => {
    const result = await racedWith(`INSERT INTO communities (slug, title, description, created_by) VALUES ('raced-community', 'First', 'First.', $1)`, [admin.id], () =>
      t.gql('mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }', { input: { slug: 'raced-community', title: 'Second', description: 'Second.' } }, admin),
    );
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug', message: 'A community with the slug "raced-community" already exists.' });
    expect(await t.db.query(`SELECT title FROM communities WHERE slug = 'raced-community'`)).toEqual([{ title: 'First' }]);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM community_members m JOIN communities c ON c.id = m.community_id WHERE c.slug = 'raced-community'`))[0].n).toBe(0);
  });

  it('createPolicyDocument: the same', async () => {
    const [{ id: organisationId }] = (await t.db.query(`SELECT id FROM organisations WHERE slug = 'county-council'`)) as { id: string }[];
    const claim = `INSERT INTO policy_documents (slug, title, organisation_id) VALUES ($1, 'First', $2)`;
    const result = await racedWith(claim, ['raced-policy', organisationId], () =>
      t.gql(
        'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id } }',
        { input: { organisationSlug: 'county-council', slug: 'raced-policy', title: 'Second' } },
        admin,
      ),
    );
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect(await t.db.query(`SELECT title FROM policy_documents WHERE slug = 'raced-policy'`)).toEqual([{ title: 'First' }]);
  });

  it('createOrganisation: the same', async () => {
    const result = await racedWith(`INSERT INTO organisations (slug, name) VALUES ('raced-council', 'First Council')`, [], () =>
      t.gql('mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { id } }', { input: { slug: 'raced-council', name: 'Second Council' } }, admin),
    );
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'slug' });
    expect(await t.db.query(`SELECT name FROM organisations WHERE slug = 'raced-council'`)).toEqual([{ name: 'First Council' }]);
  });

  const cursor = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
  const MALFORMED = [
    ['a date V8 reads but PostgreSQL does not', cursor(['hello 1', randomUUID()])],
    ['30 February', cursor(['2024-02-30T00:00:00.000Z', randomUUID()])],
    ['a year PostgreSQL cannot hold', cursor(['-100000-01-01T00:00:00.000Z', randomUUID()])],
    ['year zero', cursor(['0000-01-01T00:00:00.000Z', randomUUID()])],
    ['not a date', cursor(['not-a-date', 'uuid'])],
    ['not an id', cursor(['2024-01-01T00:00:00.000Z', 'not-a-uuid'])],
    ['numbers', cursor([1, 2])],
    ['an object', cursor({ at: 1 })],
    ['not JSON', cursor('[')],
    ['not base64', '%%%'],
  ];

  it.each(MALFORMED)('questions(after:) with %s is BAD_USER_INPUT naming after', async (_what, after) => {
    const result = await t.gql('query($after: String) { questions(first: 5, after: $after) { edges { node { id } } } }', { after });
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each(MALFORMED)('moderationLog(after:) with %s is BAD_USER_INPUT naming after', async (_what, after) => {
    const result = await t.gql('query($after: String) { moderationLog(first: 5, after: $after) { entries { id } } }', { after }, admin);
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it.each([
    ['a negative offset', cursor([-1])],
    ['a fraction', cursor([1.5])],
    ['a huge number', cursor([1e300])],
  ])('search(after:) with %s is BAD_USER_INPUT naming after', async (_what, after) => {
    const result = await t.gql('query($after: String) { search(query: "policy", first: 5, after: $after) { edges { cursor } } }', { after });
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('a cursor the api gave out still pages on', async () => {
    const [{ id: communityId }] = (await t.db.query(`INSERT INTO communities (slug, title, description, created_by) VALUES ('paged', 'Paged', 'Paged.', $1) RETURNING id`, [
      admin.id,
    ])) as { id: string }[];
    for (let i = 0; i < 3; i += 1) {
      await t.db.query(`INSERT INTO questions (community_id, author_id, title, body) VALUES ($1, $2, $3, 'Body.')`, [communityId, admin.id, `Paged question ${i}`]);
    }
    const first = await t.gql<{ questions: { pageInfo: { endCursor: string }; edges: unknown[] } }>('{ questions(first: 2) { pageInfo { endCursor } edges { node { id } } } }');
    const next = await t.gql<{ questions: { edges: unknown[] } }>('query($after: String) { questions(first: 2, after: $after) { edges { node { id } } } }', {
      after: first.data?.questions.pageInfo.endCursor,
    });
    expect(next.errors).toBeUndefined();
    expect(next.data?.questions.edges).toHaveLength(1);
  });
});

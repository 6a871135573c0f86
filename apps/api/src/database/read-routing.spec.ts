import { isPlainRead, staleReadsAllowed, visitorQueriesReadFromReplicas, withStaleReads } from './read-routing.js';

describe('which raw statements a replica may answer', () => {
  it.each([
    'SELECT id FROM questions WHERE id = ANY($1)',
    '  select count(*) from answers',
    'WITH ranked AS (SELECT id, ts_rank(search, q) AS rank FROM questions) SELECT * FROM ranked',
    // Words inside longer names are not statements.
    'SELECT updated_at, deleted_at, inserted_by FROM questions',
  ])('a plain read: %s', (sql) => {
    expect(isPlainRead(sql)).toBe(true);
  });

  it.each([
    'INSERT INTO sessions (user_id) VALUES ($1)',
    'UPDATE questions SET view_count = view_count + 1',
    'WITH moved AS (DELETE FROM outbox RETURNING *) SELECT count(*) FROM moved',
    'WITH new AS (INSERT INTO tags (slug) VALUES ($1) RETURNING id) SELECT id FROM new',
    'SELECT * FROM notification_settings WHERE user_id = ANY($1) FOR UPDATE',
    'SELECT * FROM questions WHERE id = $1 FOR NO KEY UPDATE',
    'SELECT * FROM questions WHERE id = $1 FOR SHARE',
    "SELECT nextval('digest_seq')",
    'SELECT pg_advisory_xact_lock(42)',
    "SELECT set_config('statement_timeout', '1000', false)",
    'SET LOCAL statement_timeout = 100',
    'CREATE INDEX ON questions (created_at)',
  ])('not a plain read: %s', (sql) => {
    expect(isPlainRead(sql)).toBe(false);
  });
});

describe('which GraphQL requests read from a replica', () => {
  const decide = (operation: string | undefined, session: boolean): Promise<boolean> =>
    new Promise((resolve) => {
      visitorQueriesReadFromReplicas(() => operation, () => session)({}, {}, () => {
        // Whatever runs after the hook, later turns of the event loop included, sees the decision.
        setImmediate(() => resolve(staleReadsAllowed()));
      });
    });

  it('a query without a session', async () => {
    expect(await decide('query', false)).toBe(true);
  });

  it.each([
    ['a query with a session', 'query', true],
    ['a mutation without a session', 'mutation', false],
    ['a mutation with a session', 'mutation', true],
    ['an operation the guard could not read (the GraphQL server refuses it)', undefined, false],
  ])('not %s', async (_, operation, session) => {
    expect(await decide(operation as string | undefined, session as boolean)).toBe(false);
  });

  it('outside a request nothing reads stale', () => {
    expect(staleReadsAllowed()).toBe(false);
    expect(withStaleReads(() => staleReadsAllowed())).toBe(true);
    expect(staleReadsAllowed()).toBe(false);
  });
});

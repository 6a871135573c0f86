import { errorOf, PRODUCTION_ENV, startTestApp, type TestApp } from './test-app.js';

describe('errors clients see', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(PRODUCTION_ENV);
  });
  afterAll(() => t.close());

  it('never include a stack trace outside development', async () => {
    const result = await t.gql('mutation { askQuestion(input: { communityId: "x", title: "short", body: "", tags: [] }) { id } }');
    expect(errorOf(result).code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(result.errors)).not.toMatch(/stacktrace|at .*\.js:\d+/);
    const invalid = await t.gql('{ questions { nope } }');
    expect(errorOf(invalid).code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(invalid.errors)).not.toContain('stacktrace');
  });

  it('refuses queries nested too deep with QUERY_TOO_COMPLEX', async () => {
    const deep = '{ questions { edges { node { answers { question { answers { question { answers { question { answers { question { answers { question { id } } } } } } } } } } } } } }';
    const error = errorOf(await t.gql(deep));
    expect(error.code).toBe('QUERY_TOO_COMPLEX');
    expect(error.message).toMatch(/limit is 12/);
  });

  it('reports a wrongly typed variable as BAD_USER_INPUT', async () => {
    const result = await t.gql('query($first: Int) { questions(first: $first) { totalCount } }', { first: 'many' });
    expect(errorOf(result).code).toBe('BAD_USER_INPUT');
  });

  /** A request sent as-is (not through the test client), with its status and body. */
  const send = async (init: RequestInit & { path?: string }): Promise<{ status: number; body: { errors?: { message: string; extensions?: { code?: string } }[] } }> => {
    const response = await fetch(`${t.url}${init.path ?? '/graphql'}`, init);
    return { status: response.status, body: (await response.json()) as never };
  };
  const post = (body: string, contentType = 'application/json') => send({ method: 'POST', headers: { 'content-type': contentType }, body });
  const codeOf = (answer: Awaited<ReturnType<typeof send>>) => answer.body.errors?.[0]?.extensions?.code;

  it('refuses a request that is not a GraphQL operation with status 400 and a code', async () => {
    const syntax = await post(JSON.stringify({ query: '{ questions { ' }));
    expect([syntax.status, codeOf(syntax)]).toEqual([400, 'GRAPHQL_PARSE_FAILED']);
    const unknownOperation = await post(JSON.stringify({ query: 'query A { me { email } }', operationName: 'B' }));
    expect([unknownOperation.status, codeOf(unknownOperation)]).toEqual([400, 'OPERATION_RESOLUTION_FAILURE']);
    const noQuery = await post(JSON.stringify({ variables: {} }));
    expect([noQuery.status, codeOf(noQuery)]).toEqual([400, 'BAD_REQUEST']);
    const notJson = await post('{"query": ');
    expect([notJson.status, codeOf(notJson)]).toEqual([400, 'BAD_USER_INPUT']);
    expect(notJson.body.errors?.[0]?.message).toBe('The request body is not valid JSON.');
  });

  it('runs no mutation a browser could be made to send across sites', async () => {
    const mutation = 'mutation { signOut }';
    // A form or a link: the browser sends it without asking the api first (no preflight).
    const form = await post(`query=${encodeURIComponent(mutation)}`, 'application/x-www-form-urlencoded');
    const text = await post(JSON.stringify({ query: mutation }), 'text/plain');
    const link = await send({ method: 'GET', path: `/graphql?query=${encodeURIComponent('{ me { email } }')}` });
    for (const refused of [form, text, link]) expect([refused.status, codeOf(refused)]).toEqual([400, 'BAD_REQUEST']);
    expect(link.body.errors?.[0]?.message).toMatch(/Cross-Site Request Forgery/);
    // A GET a client sends on purpose (with the preflight header) reads, and never writes.
    const read = await send({ method: 'GET', path: `/graphql?query=${encodeURIComponent('{ me { email } }')}`, headers: { 'apollo-require-preflight': 'true' } });
    expect(read.status).toBe(200);
    const write = await send({ method: 'GET', path: `/graphql?query=${encodeURIComponent(mutation)}`, headers: { 'apollo-require-preflight': 'true' } });
    expect([write.status, codeOf(write)]).toEqual([405, 'BAD_REQUEST']);
  });

  it('runs the operation a request names, however often its document was run before', async () => {
    const document = 'query Communities { communities(first: 1) { slug } } query Tags { tags(first: 1) { slug } }';
    // Run under one name as often as would compile a one-operation document (the third run)...
    const answers: unknown[] = [];
    for (let i = 0; i < 4; i += 1) answers.push((await post(JSON.stringify({ query: document, operationName: 'Communities' }))).body);
    expect(answers.every((answer) => JSON.stringify(answer) === JSON.stringify(answers[0]))).toBe(true);
    expect(Object.keys((answers[0] as { data?: Record<string, unknown> }).data ?? {})).toEqual(['communities']);
    // ...the other name still runs its own operation.
    const tags = await post(JSON.stringify({ query: document, operationName: 'Tags' }));
    expect(tags.status).toBe(200);
    expect(Object.keys((tags.body as { data?: Record<string, unknown> }).data ?? {})).toEqual(['tags']);
  });
});

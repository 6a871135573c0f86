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
});

import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const SEARCH = `query($q: String!, $first: Int, $after: String) {
  search(query: $q, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { snippet rank question { id title } answer { id } } }
  }
}`;
type SearchResult = {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { snippet: string; rank: number; question: { id: string; title: string }; answer: { id: string } | null } }[];
  };
};

describe('search', () => {
  let t: TestApp;
  let person: Person;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const { communityId } = await createCommunity(t);
    person = await signUp(t);
    const helper = await signUp(t);
    ids.titleMatch = await askQuestion(t, person, communityId, { title: 'Pecuniary interests of parish councillors', body: 'A question about declarations.' });
    ids.bodyMatch = await askQuestion(t, person, communityId, { title: 'Declaring outside roles to a manager', body: 'Do pecuniary interests include shares?' });
    ids.unrelated = await askQuestion(t, person, communityId, { title: 'Which tools suit emergency communications?', body: 'Twitter or Facebook for floods?' });
    ids.answered = await askQuestion(t, person, communityId, { title: 'Governor and employee at once', body: '<img src=x onerror=alert(1)> is this allowed?' });
    ids.answer = await answerQuestion(t, helper, ids.answered, 'Yes; record it under pecuniary interests with your line manager.');
  });
  afterAll(() => t.close());

  it('ranks title matches above body matches above answers, with highlighted snippets', async () => {
    const result = await t.gql<SearchResult>(SEARCH, { q: 'pecuniary interests' });
    expect(result.errors).toBeUndefined();
    const hits = result.data!.search.edges.map((e) => e.node);
    expect(result.data?.search.totalCount).toBe(3);
    expect(hits.map((h) => [h.question.id, h.answer?.id ?? null])).toEqual([
      [ids.titleMatch, null],
      [ids.bodyMatch, null],
      [ids.answered, ids.answer],
    ]);
    expect(hits[0].rank).toBeGreaterThan(hits[1].rank);
    expect(hits[0].snippet).toContain('<mark>Pecuniary</mark> <mark>interests</mark>');
  });

  it('escapes markup in snippets: only <mark> is HTML', async () => {
    const result = await t.gql<SearchResult>(SEARCH, { q: 'allowed' });
    const snippet = result.data!.search.edges[0].node.snippet;
    expect(snippet).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('pages through hits', async () => {
    const first = await t.gql<SearchResult>(SEARCH, { q: 'pecuniary', first: 2 });
    expect(first.data?.search.pageInfo.hasNextPage).toBe(true);
    const second = await t.gql<SearchResult>(SEARCH, { q: 'pecuniary', first: 2, after: first.data?.search.pageInfo.endCursor });
    expect(second.data?.search.edges).toHaveLength(1);
    expect(second.data?.search.totalCount).toBe(3);
    expect(second.data?.search.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses an empty query', async () => {
    expect(errorOf(await t.gql(SEARCH, { q: '   ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('suggests similar questions while a title is typed', async () => {
    const result = await t.gql<{ similarQuestions: { id: string }[] }>('query($title: String!) { similarQuestions(title: $title) { id } }', {
      title: 'Should parish councillors declare interests?',
    });
    expect(result.data?.similarQuestions[0].id).toBe(ids.titleMatch);
    expect(result.data?.similarQuestions.map((q) => q.id)).not.toContain(ids.unrelated);
    const nothing = await t.gql<{ similarQuestions: unknown[] }>('{ similarQuestions(title: "?") { id } }');
    expect(nothing.data?.similarQuestions).toEqual([]);
  });
});

import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, grantOrganisationRole, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';
import { seedDemoData } from '../../seed/seed.js';

const SEARCH = `query($q: String!, $first: Int, $after: String) {
  search(query: $q, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { snippet rank matchingAnswerCount question { id title } answer { id } } }
  }
}`;
type SearchResult = {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { snippet: string; rank: number; matchingAnswerCount: number; question: { id: string; title: string }; answer: { id: string } | null } }[];
  };
};

const SEARCH_RESULTS = `query($q: String!, $filter: SearchFilter, $orderBy: SearchOrder, $first: Int, $after: String) {
  searchResults(query: $q, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount totalCountIsLowerBound pageInfo { hasNextPage endCursor }
    edges { cursor node {
      __typename
      ... on SearchHit { snippet rank matchingAnswerCount question { id score createdAt } answer { id } }
      ... on PolicySectionHit { snippet rank isCurrentVersion section { anchor title } version { version publishedOn } document { slug title } }
    } }
  }
}`;
type QuestionNode = {
  __typename: 'SearchHit';
  snippet: string;
  rank: number;
  matchingAnswerCount: number;
  question: { id: string; score: number; createdAt: string };
  answer: { id: string } | null;
};
type SectionNode = {
  __typename: 'PolicySectionHit';
  snippet: string;
  rank: number;
  isCurrentVersion: boolean;
  section: { anchor: string; title: string };
  version: { version: string; publishedOn: string };
  document: { slug: string; title: string };
};
type Node = QuestionNode | SectionNode;
type Results = { searchResults: { totalCount: number; totalCountIsLowerBound: boolean; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { cursor: string; node: Node }[] } };
type Variables = { filter?: Record<string, unknown>; orderBy?: 'RELEVANCE' | 'NEWEST' | 'VOTES'; first?: number; after?: string | null };

/** What a result is, in a word: the question's id, or `slug@version#anchor` for a section. */
const label = (node: Node): string => (node.__typename === 'SearchHit' ? node.question.id : `${node.document.slug}@${node.version.version}#${node.section.anchor}`);

describe('search', () => {
  let t: TestApp;
  let person: Person;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const { communityId } = await createCommunity(t, 'search-basics');
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

describe('similar questions on a big forum', () => {
  let t: TestApp;
  afterAll(() => t?.close());

  it('ranks a bounded number of titles: the newest with every word typed, then the newest with any', async () => {
    t = await startTestApp();
    const { communityId } = await createCommunity(t, 'similar-at-scale');
    const person = await signUp(t);
    // The best match is the oldest; 1,000 newer questions share one of its words.
    const best = await askQuestion(t, person, communityId, { title: 'Purdah rules for councillors on social media' });
    await t.db.query(`UPDATE questions SET created_at = now() - interval '1 year' WHERE id = $1`, [best]);
    await t.db.query(
      `INSERT INTO questions (community_id, author_id, title, body, created_at, last_activity_at)
       SELECT $1, $2, 'Social question number ' || n, 'Body ' || n, now() - n * interval '1 minute', now() - n * interval '1 minute'
         FROM generate_series(1, 1000) n`,
      [communityId, person.id],
    );
    const similar = async (title: string) =>
      (await t.gql<{ similarQuestions: { id: string }[] }>('query($title: String!) { similarQuestions(title: $title, first: 5) { id } }', { title })).data!.similarQuestions.map((q) => q.id);
    // Through the common word, the oldest match is past the newest 1,000 and not ranked.
    expect(await similar('social')).not.toContain(best);
    expect(await similar('social')).toHaveLength(5);
    // With its rarer words it has every word typed, and is found first.
    expect((await similar('purdah councillors social'))[0]).toBe(best);
  });
});

describe('searchResults: questions with their answers, policy sections, filters and sort orders', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};

  const find = async (q: string, variables: Variables = {}): Promise<Results['searchResults']> => {
    const result = await t.gql<Results>(SEARCH_RESULTS, { q, first: 50, ...variables });
    expect(result.errors).toBeUndefined();
    return result.data!.searchResults;
  };
  const labels = async (q: string, variables: Variables = {}): Promise<string[]> => (await find(q, variables)).edges.map((e) => label(e.node));

  beforeAll(async () => {
    t = await startTestApp();
    // A council's election communications policy: 1.0, then 2.0 rewrites the purdah section and keeps the newsletters one.
    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ('search-council', 'Search Council')`);
    const author = await signUp(t, 'Policy Author');
    await grantOrganisationRole(t, author.id, 'search-council', 'POLICY_AUTHOR');
    const created = await t.gql<{ createPolicyDocument: { id: string } }>(
      'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id } }',
      { input: { organisationSlug: 'search-council', slug: 'election-communications', title: 'Election Communications Policy' } },
      author,
    );
    const documentId = created.data!.createPolicyDocument.id;
    const publish = async (purdah: string) => {
      const markdown = `# Election Communications Policy\n\n## Purdah\n\n${purdah}\n\n## Newsletters\n\nNewsletters follow the **purdah** rules: no [candidate photographs](https://example.org/photos).\n`;
      await t.gql('mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }', { input: { documentId, markdown } }, author);
      const published = await t.gql('mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { id } }', {
        input: { documentId, bump: 'MAJOR', summaryOfChanges: 'Edition.', contributors: [] },
      }, author);
      expect(published.errors).toBeUndefined();
    };
    await publish('During purdah the council says nothing about candidates, and its Twitter accounts stay quiet.');
    await publish('During the pre-election period (purdah) the council publishes no material about candidates on any channel.');

    const { communityId: councilOfficers } = await createCommunity(t, 'council-officers');
    const { communityId: parishClerks } = await createCommunity(t, 'parish-clerks');
    const asker = await signUp(t, 'Asker');
    const helpers = [await signUp(t, 'Helper One'), await signUp(t, 'Helper Two'), await signUp(t, 'Helper Three')];
    ids.titleMatch = await askQuestion(t, asker, councilOfficers, { title: 'Purdah rules for the council newsletter', body: 'What may we still publish?', tags: ['elections'] });
    await answerQuestion(t, helpers[0], ids.titleMatch, 'Anything factual about services.');
    ids.markdownBody = await askQuestion(t, asker, councilOfficers, {
      title: 'Publishing during the election period',
      body: '## Our case\n\nDoes **purdah** apply to [our blog](https://example.org/blog)? The policy says [the purdah rules](policy:election-communications@2.0#purdah) cover _every_ channel.\n\n- newsletters\n- the blog',
      tags: ['elections', 'blogs'],
    });
    ids.answersOnly = await askQuestion(t, asker, parishClerks, { title: 'When should the parish newsletter stop?', body: 'Our newsletter goes out monthly.', tags: ['newsletters'] });
    ids.bestAnswer = await answerQuestion(t, helpers[0], ids.answersOnly, 'Purdah starts with the notice of election; purdah covers the newsletter too.');
    ids.otherAnswer = await answerQuestion(t, helpers[1], ids.answersOnly, 'Check the purdah guidance first.');
    await answerQuestion(t, helpers[2], ids.answersOnly, 'Ask your clerk.');
    const hiddenAnswer = await answerQuestion(t, helpers[2], ids.answersOnly, 'Purdah spam.');
    ids.unanswered = await askQuestion(t, asker, parishClerks, { title: 'Purdah and the parish council social media accounts', body: 'Should we pause posting?', tags: ['newsletters'] });
    ids.hidden = await askQuestion(t, asker, parishClerks, { title: 'Purdah question hidden by a moderator', body: 'Purdah spam.' });
    await t.db.query('UPDATE questions SET hidden_at = now() WHERE id = $1', [ids.hidden]);
    await t.db.query('UPDATE answers SET hidden_at = now() WHERE id = $1', [hiddenAnswer]);
    // Dates and scores set directly: the suite is about what search does with them.
    await t.db.query(`UPDATE questions SET created_at = '2020-01-15T10:00:00Z', score = 1 WHERE id = $1`, [ids.titleMatch]);
    await t.db.query(`UPDATE questions SET created_at = '2021-06-01T10:00:00Z', score = 5 WHERE id = $1`, [ids.markdownBody]);
    await t.db.query(`UPDATE questions SET score = 3 WHERE id = $1`, [ids.answersOnly]);
    await t.db.query(`UPDATE questions SET score = -1 WHERE id = $1`, [ids.unanswered]);
  });
  afterAll(() => t.close());

  it('finds policy sections of current versions as their own results, linked by document, version and anchor', async () => {
    const results = await find('purdah');
    const sections = results.edges.map((e) => e.node).filter((node): node is SectionNode => node.__typename === 'PolicySectionHit');
    expect(sections.map((s) => [label(s), s.isCurrentVersion, s.section.title, s.document.title]).sort()).toEqual([
      ['election-communications@2.0#newsletters', true, 'Newsletters', 'Election Communications Policy'],
      ['election-communications@2.0#purdah', true, 'Purdah', 'Election Communications Policy'],
    ]);
    expect(results.totalCount).toBe(results.edges.length);
    expect(results.totalCount).toBe(2 + 4);
  });

  it('finds superseded versions only on request, each text once', async () => {
    expect(await labels('Twitter')).toEqual([]);
    const older = await find('Twitter', { filter: { includeSupersededVersions: true } });
    expect(older.edges.map((e) => [label(e.node), (e.node as SectionNode).isCurrentVersion])).toEqual([['election-communications@1.0#purdah', false]]);
    expect(older.edges[0].node.snippet).toContain('<mark>Twitter</mark>');

    // 1.0's newsletters section is 2.0's word for word: found once, in 2.0.
    const all = await labels('purdah', { filter: { includeSupersededVersions: true } });
    expect(all.filter((l) => l.startsWith('election-communications')).sort()).toEqual([
      'election-communications@1.0#purdah',
      'election-communications@2.0#newsletters',
      'election-communications@2.0#purdah',
    ]);
  });

  it('ranks a question and its answers as one result, never the hidden ones', async () => {
    const results = await find('purdah', { filter: { types: ['QUESTION'] } });
    const questions = results.edges.map((e) => e.node as QuestionNode);
    expect(questions.map((q) => q.question.id).sort()).toEqual([ids.titleMatch, ids.markdownBody, ids.answersOnly, ids.unanswered].sort());
    expect(results.totalCount).toBe(4);
    const answersOnly = questions.find((q) => q.question.id === ids.answersOnly)!;
    // Two answers match (a third does not, a fourth is hidden): one result, from the better answer.
    expect(answersOnly).toMatchObject({ matchingAnswerCount: 2, answer: { id: ids.bestAnswer } });
    expect(answersOnly.snippet).toContain('<mark>Purdah</mark> starts');
    const titleMatch = questions.find((q) => q.question.id === ids.titleMatch)!;
    expect(titleMatch).toMatchObject({ matchingAnswerCount: 0, answer: null });
    // The old search query gives the same: one hit per question.
    const old = await t.gql<SearchResult>(SEARCH, { q: 'purdah', first: 50 });
    expect(old.data!.search.edges.map((e) => e.node.question.id).sort()).toEqual(questions.map((q) => q.question.id).sort());
    expect(old.data!.search.totalCount).toBe(4);
  });

  it('shows snippets as plain text with the matched words highlighted, never Markdown', async () => {
    const results = await find('purdah channel');
    const snippets = results.edges.map((e) => e.node.snippet);
    expect(snippets.length).toBeGreaterThan(0);
    const question = results.edges.find((e) => e.node.__typename === 'SearchHit' && e.node.question.id === ids.markdownBody)!.node;
    expect(question.snippet).toMatch(/Does <mark>purdah<\/mark> apply to our blog\? The policy says the <mark>purdah<\/mark> rules cover every <mark>channel<\/mark>\./);
    for (const snippet of (await find('purdah')).edges.map((e) => e.node.snippet).concat(snippets)) {
      expect(snippet).toContain('<mark>');
      const text = snippet.replace(/<\/?mark>/g, '');
      expect(text).not.toMatch(/\*\*|\]\(|policy:|^#|\n|(^|\s)[-_*](\s|$)|_every_/);
      expect(text).not.toMatch(/[<>]/);
    }
  });

  it('filters by kind of result', async () => {
    const sections = await find('purdah', { filter: { types: ['POLICY_SECTION'] } });
    expect(sections.edges.every((e) => e.node.__typename === 'PolicySectionHit')).toBe(true);
    expect(sections.totalCount).toBe(2);
    expect(errorOf(await t.gql(SEARCH_RESULTS, { q: 'purdah', filter: { types: [] } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'types' });
  });

  it('filters by community, tag and answered, which leave policy sections out', async () => {
    expect((await labels('purdah', { filter: { communitySlug: 'parish-clerks' } })).sort()).toEqual([ids.answersOnly, ids.unanswered].sort());
    expect(await labels('purdah', { filter: { communitySlug: 'no-such-community' } })).toEqual([]);
    expect((await labels('purdah', { filter: { tag: 'Elections ' } })).sort()).toEqual([ids.titleMatch, ids.markdownBody].sort());
    expect((await labels('purdah', { filter: { answered: true } })).sort()).toEqual([ids.titleMatch, ids.answersOnly].sort());
    expect((await labels('purdah', { filter: { answered: false } })).sort()).toEqual([ids.markdownBody, ids.unanswered].sort());
    expect((await labels('purdah', { filter: { answered: false, communitySlug: 'parish-clerks', tag: 'newsletters' } }))).toEqual([ids.unanswered]);
  });

  it('filters by date: when a question was asked or a policy version published', async () => {
    expect(await labels('purdah', { filter: { before: '2021-01-01T00:00:00.000Z' } })).toEqual([ids.titleMatch]);
    const since = await labels('purdah', { filter: { since: '2021-01-01T00:00:00.000Z' } });
    expect(since).not.toContain(ids.titleMatch);
    expect(since).toEqual(expect.arrayContaining([ids.markdownBody, ids.answersOnly, ids.unanswered, 'election-communications@2.0#purdah']));
    expect(await labels('purdah', { filter: { since: '2021-01-01T00:00:00.000Z', before: '2022-01-01T00:00:00.000Z' } })).toEqual([ids.markdownBody]);
  });

  it('sorts by relevance: best match first', async () => {
    const nodes = (await find('purdah')).edges.map((e) => e.node);
    const ranks = nodes.map((n) => n.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // A title match outranks a question found only through its answers.
    const order = nodes.map(label);
    expect(order.indexOf(ids.titleMatch)).toBeLessThan(order.indexOf(ids.answersOnly));
  });

  it('sorts by newest: questions by when they were asked, sections by their version’s publication date', async () => {
    const nodes = (await find('purdah', { orderBy: 'NEWEST' })).edges.map((e) => e.node);
    const dates = nodes.map((n) => Date.parse(n.__typename === 'SearchHit' ? n.question.createdAt : n.version.publishedOn));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    expect(nodes.map(label).slice(-2)).toEqual([ids.markdownBody, ids.titleMatch]);
  });

  it('sorts by votes: highest-scoring questions first, then sections', async () => {
    const order = await labels('purdah', { orderBy: 'VOTES' });
    expect(order.slice(0, 4)).toEqual([ids.markdownBody, ids.answersOnly, ids.titleMatch, ids.unanswered]);
    expect(order.slice(4).every((l) => l.startsWith('election-communications@'))).toBe(true);
  });

  it.each(['RELEVANCE', 'NEWEST', 'VOTES'] as const)('pages through %s results one cursor at a time, each result once', async (orderBy) => {
    const whole = await labels('purdah', { orderBy, filter: { includeSupersededVersions: true } });
    const paged: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const results: Results['searchResults'] = await find('purdah', { orderBy, filter: { includeSupersededVersions: true }, first: 2, after });
      paged.push(...results.edges.map((e) => label(e.node)));
      expect(results.totalCount).toBe(whole.length);
      if (!results.pageInfo.hasNextPage) break;
      after = results.pageInfo.endCursor;
    }
    expect(paged).toEqual(whole);
  });

  it('ranks only the newest matches of words found nearly everywhere, and says the count is a lower bound', async () => {
    const [{ id: communityId }] = (await t.db.query(`SELECT id FROM communities WHERE slug = 'parish-clerks'`)) as { id: string }[];
    const [{ id: authorId }] = (await t.db.query(`SELECT author_id AS id FROM questions WHERE id = $1`, [ids.unanswered])) as { id: string }[];
    await t.db.query(
      `INSERT INTO questions (community_id, author_id, title, body, created_at)
       SELECT $1, $2, 'Ubiquitous question number ' || g, 'Body ' || g, now() - make_interval(mins => g) FROM generate_series(1, 1001) g`,
      [communityId, authorId],
    );
    const common = await find('ubiquitous', { orderBy: 'NEWEST', first: 1 });
    expect(common).toMatchObject({ totalCount: 1000, totalCountIsLowerBound: true });
    // The oldest of them is past the cut; a narrower search finds it, counted exactly.
    const narrow = await find('ubiquitous 1001');
    expect(narrow).toMatchObject({ totalCount: 1, totalCountIsLowerBound: false });
    expect((await find('purdah')).totalCountIsLowerBound).toBe(false);
  });

  it('refuses a cursor from another sort order', async () => {
    const first = await find('purdah', { orderBy: 'NEWEST', first: 1 });
    const result = await t.gql(SEARCH_RESULTS, { q: 'purdah', orderBy: 'VOTES', first: 1, after: first.pageInfo.endCursor });
    expect(errorOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('searchResults on the demo forum', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoData(t.config);
  });
  afterAll(() => t.close());

  it('finds the social media policy, where only its superseded editions name Twitter', async () => {
    const find = async (filter: Record<string, unknown>) =>
      (await t.gql<Results>(SEARCH_RESULTS, { q: 'Twitter', filter, first: 20 })).data!.searchResults.edges.map((e) => e.node).filter((n): n is SectionNode => n.__typename === 'PolicySectionHit');
    expect(await find({})).toEqual([]);
    const older = await find({ includeSupersededVersions: true });
    expect(older.length).toBeGreaterThan(0);
    expect(new Set(older.map((s) => s.document.slug))).toEqual(new Set(['social-media-policy']));
    expect(older.every((s) => !s.isCurrentVersion && s.snippet.includes('<mark>Twitter</mark>'))).toBe(true);
  });
});

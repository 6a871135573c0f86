import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const ASK = 'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id title tags { slug } author { displayName } community { slug } } }';
const EDIT = 'mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id title body tags { slug } } }';
const HISTORY = 'query($id: ID!) { question(id: $id) { revisions { revision title body tags editedBy { displayName } editedAt } } }';
const LIST = `query($filter: QuestionFilter, $orderBy: QuestionOrder, $first: Int, $after: String) {
  questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title } }
  }
}`;

type ListResult = { questions: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string; title: string } }[] } };

describe('questions', () => {
  let t: TestApp;
  let asker: Person;
  let other: Person;
  let moderator: Person;
  let communityId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ communityId, moderator } = await createCommunity(t));
    asker = await signUp(t, 'Asker');
    other = await signUp(t, 'Other');
  });
  afterAll(() => t.close());

  it('asks a question with normalised tags', async () => {
    const input = { communityId, title: 'Social media and the parish council blog', body: 'What does **policy** say?', tags: ['Social-Media', 'parish-councils'] };
    const result = await t.gql<{ askQuestion: unknown }>(ASK, { input }, asker);
    expect(result.errors).toBeUndefined();
    expect(result.data?.askQuestion).toMatchObject({
      title: 'Social media and the parish council blog',
      tags: [{ slug: 'social-media' }, { slug: 'parish-councils' }],
      author: { displayName: 'Asker' },
      community: { slug: 'social-media-in-local-government' },
    });
  });

  it.each([
    [{ title: 'Too short' }, 'title'],
    [{ title: 'x'.repeat(201) }, 'title'],
    [{ body: '   ' }, 'body'],
    [{ body: 'x'.repeat(30001) }, 'body'],
    [{ tags: [] }, 'tags'],
    [{ tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags'],
    [{ tags: ['not-a-slug!'] }, 'tags'],
  ])('refuses %j naming the field, and stores nothing', async (override, field) => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM questions');
    const input = { communityId, title: 'A perfectly fine title', body: 'Body', tags: ['ok'], ...override };
    expect(errorOf(await t.gql(ASK, { input }, asker))).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await t.db.query('SELECT count(*)::int AS n FROM questions')).toEqual(before);
  });

  it('stores tags typed with capitals and spaces as slugs, and suggests tags as they are typed', async () => {
    const input = { communityId, title: 'Tags typed as people type them', body: 'Body', tags: ['Parish Councils', 'Code of conduct'] };
    const asked = await t.gql<{ askQuestion: { tags: { slug: string }[] } }>(ASK, { input }, asker);
    expect(asked.data?.askQuestion.tags).toEqual([{ slug: 'parish-councils' }, { slug: 'code-of-conduct' }]);

    const suggest = async (prefix: string, first = 10) =>
      ((await t.gql<{ tags: { slug: string }[] }>('query($prefix: String, $first: Int) { tags(prefix: $prefix, first: $first) { slug } }', { prefix, first })).data?.tags ?? []).map((tag) => tag.slug);
    // parish-councils is on two questions, so it comes first; what was typed is read as a tag is.
    expect(await suggest('Par')).toEqual(['parish-councils']);
    expect(await suggest('code of')).toEqual(['code-of-conduct']);
    expect(await suggest('s')).toEqual(['social-media']);
    expect(await suggest('%')).toEqual([]);
    expect(await suggest('x'.repeat(500))).toEqual([]);
    expect((await suggest('', 2)).length).toBe(2);
  });

  it('refuses unknown communities and signed-out askers', async () => {
    const input = { communityId: '00000000-0000-4000-8000-000000000000', title: 'A perfectly fine title', body: 'Body', tags: ['ok'] };
    expect(errorOf(await t.gql(ASK, { input }, asker))).toMatchObject({ code: 'NOT_FOUND', field: 'communityId' });
    expect(errorOf(await t.gql(ASK, { input: { ...input, communityId } })).code).toBe('UNAUTHENTICATED');
  });

  it('keeps every revision when a question is edited: who, when, what', async () => {
    const id = await askQuestion(t, asker, communityId, { title: 'Original title for history', body: 'Original body', tags: ['first'] });
    const edit1 = await t.gql(EDIT, { input: { questionId: id, body: 'Second body' } }, asker);
    expect(edit1.errors).toBeUndefined();
    const edit2 = await t.gql(EDIT, { input: { questionId: id, title: 'Moderated title for history', tags: ['first', 'second'] } }, moderator);
    expect(edit2.errors).toBeUndefined();

    const history = await t.gql<{ question: { revisions: { revision: number; title: string; body: string; tags: string[]; editedBy: { displayName: string } }[] } }>(
      HISTORY,
      { id },
    );
    expect(history.data?.question.revisions.map(({ revision, title, body, tags, editedBy }) => ({ revision, title, body, tags, by: editedBy.displayName }))).toEqual([
      { revision: 1, title: 'Original title for history', body: 'Original body', tags: ['first'], by: 'Asker' },
      { revision: 2, title: 'Original title for history', body: 'Second body', tags: ['first'], by: 'Asker' },
      { revision: 3, title: 'Moderated title for history', body: 'Second body', tags: ['first', 'second'], by: 'Moderator' },
    ]);
  });

  it('refuses edits by others, empty edits and bad input, changing nothing', async () => {
    const id = await askQuestion(t, asker, communityId);
    expect(errorOf(await t.gql(EDIT, { input: { questionId: id, body: 'Hijacked' } }, other)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(EDIT, { input: { questionId: id, body: 'Hijacked' } })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(EDIT, { input: { questionId: id } }, asker)).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await t.gql(EDIT, { input: { questionId: id, title: 'short' } }, asker))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
    expect(errorOf(await t.gql(EDIT, { input: { questionId: '00000000-0000-4000-8000-000000000000', body: 'x' } }, asker)).code).toBe('NOT_FOUND');
    const history = await t.gql<{ question: { revisions: unknown[] } }>(HISTORY, { id });
    expect(history.data?.question.revisions).toHaveLength(1);
  });

  it('never lets a revision be changed or deleted, even by direct SQL', async () => {
    await expect(t.db.query(`UPDATE post_revisions SET body = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM post_revisions')).rejects.toThrow(/append-only/);
  });

  it('counts a view once per viewer per hour', async () => {
    const id = await askQuestion(t, asker, communityId);
    const view = (token?: string) => t.gql<{ question: { viewCount: number } }>('query($id: ID!) { question(id: $id) { viewCount } }', { id }, { token });
    expect((await view(other.token)).data?.question.viewCount).toBe(1);
    expect((await view(other.token)).data?.question.viewCount).toBe(1);
    expect((await view(moderator.token)).data?.question.viewCount).toBe(2);
    expect((await t.gql('query { question(id: "00000000-0000-4000-8000-000000000000") { id } }')).data).toEqual({ question: null });
  });

  describe('lists', () => {
    let t2: TestApp;
    const ids: string[] = [];
    let otherCommunity: string;

    beforeAll(async () => {
      t2 = await startTestApp();
      const { communityId: c1 } = await createCommunity(t2, 'first-community');
      ({ communityId: otherCommunity } = await createCommunity(t2, 'second-community'));
      const person = await signUp(t2);
      const helper = await signUp(t2);
      for (let i = 0; i < 5; i += 1) {
        ids.push(await askQuestion(t2, person, c1, { title: `Question number ${i} about policy`, tags: i % 2 ? ['odd'] : ['even'] }));
      }
      ids.push(await askQuestion(t2, person, otherCommunity, { title: 'Question in the second community', tags: ['even'] }));
      await answerQuestion(t2, helper, ids[1]);
    });
    afterAll(() => t2.close());

    it('pages newest first with cursors and a total count', async () => {
      const first = await t2.gql<ListResult>(LIST, { first: 4 });
      expect(first.data?.questions.totalCount).toBe(6);
      expect(first.data?.questions.pageInfo.hasNextPage).toBe(true);
      const second = await t2.gql<ListResult>(LIST, { first: 4, after: first.data?.questions.pageInfo.endCursor });
      expect(second.data?.questions.pageInfo.hasNextPage).toBe(false);
      const seen = [...first.data!.questions.edges, ...second.data!.questions.edges].map((e) => e.node.id);
      expect(seen).toEqual([...ids].reverse());
    });

    it('filters by community, tag and unanswered', async () => {
      const byCommunity = await t2.gql<ListResult>(LIST, { filter: { communitySlug: 'second-community' } });
      expect(byCommunity.data?.questions.edges.map((e) => e.node.id)).toEqual([ids[5]]);
      const byTag = await t2.gql<ListResult>(LIST, { filter: { tag: 'odd' } });
      expect(byTag.data?.questions.edges.map((e) => e.node.id)).toEqual([ids[3], ids[1]]);
      const unanswered = await t2.gql<ListResult>(LIST, { filter: { unanswered: true } });
      expect(unanswered.data?.questions.totalCount).toBe(5);
      expect(unanswered.data?.questions.edges.map((e) => e.node.id)).not.toContain(ids[1]);
    });

    it('orders by recent activity', async () => {
      const active = await t2.gql<ListResult>(LIST, { orderBy: 'ACTIVE', first: 1 });
      expect(active.data?.questions.edges[0].node.id).toBe(ids[1]);
    });

    it('refuses bad page sizes and cursors', async () => {
      expect(errorOf(await t2.gql(LIST, { first: 0 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(errorOf(await t2.gql(LIST, { first: 101 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(errorOf(await t2.gql(LIST, { after: 'garbage' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('lists tags with their question counts, most used first', async () => {
      const tags = await t2.gql<{ tags: { slug: string; questionCount: number }[] }>('{ tags { slug questionCount } }');
      expect(tags.data?.tags).toEqual([
        { slug: 'even', questionCount: 4 },
        { slug: 'odd', questionCount: 2 },
      ]);
    });
  });
});

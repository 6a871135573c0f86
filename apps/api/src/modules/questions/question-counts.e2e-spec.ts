import { answerQuestion, askQuestion, createCommunity } from '../../../test/forum-fixtures.js';
import { signUp, startTestApp, type TestApp } from '../../../test/test-app.js';
import { RECOUNT_QUESTIONS_SQL } from './question-counts.js';

/**
 * The list totals come from question_counts, kept by triggers (migration 1764400000020),
 * not from counting on each request: after every kind of change they must equal a recount
 * from the rows, and each list's totalCount must equal its rows.
 */
describe('question counts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const counts = async () =>
    (await t.db.query(`SELECT scope, scope_id::text AS id, listed, unanswered FROM question_counts WHERE listed > 0 OR unanswered > 0 ORDER BY scope, scope_id`)) as unknown[];

  /** What the triggers kept equals what a recount gives (the recount is rolled back). */
  async function expectCountsAgreeWithRows(): Promise<void> {
    const kept = await counts();
    const runner = t.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      for (const statement of RECOUNT_QUESTIONS_SQL) await runner.query(statement);
      const recounted = (await runner.query(
        `SELECT scope, scope_id::text AS id, listed, unanswered FROM question_counts WHERE listed > 0 OR unanswered > 0 ORDER BY scope, scope_id`,
      )) as unknown[];
      expect(kept).toEqual(recounted);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  }

  const totalCount = async (filter: Record<string, unknown>) => {
    const result = await t.gql<{ questions: { totalCount: number } }>('query($filter: QuestionFilter) { questions(filter: $filter, first: 1) { totalCount } }', { filter });
    return result.data?.questions.totalCount;
  };

  it('follows asking, answering, retagging, hiding, restoring and deleting', async () => {
    const { communityId, moderator } = await createCommunity(t, 'counted-community');
    const asker = await signUp(t, 'Asker');
    const answerer = await signUp(t, 'Answerer');
    const first = await askQuestion(t, asker, communityId, { tags: ['declarations', 'parish-councils'] });
    const second = await askQuestion(t, asker, communityId, { title: 'What counts as a pecuniary interest here?', tags: ['declarations'] });
    await expectCountsAgreeWithRows();
    expect(await totalCount({ communitySlug: 'counted-community' })).toBe(2);
    expect(await totalCount({ tag: 'declarations', unanswered: true })).toBe(2);

    await answerQuestion(t, answerer, first);
    await answerQuestion(t, answerer, first, 'A second answer changes no count.');
    await expectCountsAgreeWithRows();
    expect(await totalCount({ tag: 'declarations', unanswered: true })).toBe(1);
    expect(await totalCount({ unanswered: true, communitySlug: 'counted-community' })).toBe(1);

    const retag = await t.gql(
      'mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id } }',
      { input: { questionId: second, tags: ['parish-councils', 'social-media'] } },
      asker,
    );
    expect(retag.errors).toBeUndefined();
    await expectCountsAgreeWithRows();
    expect(await totalCount({ tag: 'declarations' })).toBe(1);
    expect(await totalCount({ tag: 'parish-councils' })).toBe(2);
    expect(await totalCount({ tag: 'parish-councils', communitySlug: 'counted-community' })).toBe(2);

    const hide = await t.gql('mutation($input: ModeratePostInput!) { hidePost(input: $input) }', { input: { postId: first, reason: 'Spam.' } }, moderator);
    expect(hide.errors).toBeUndefined();
    await expectCountsAgreeWithRows();
    expect(await totalCount({ tag: 'parish-councils' })).toBe(1);
    expect(await totalCount({})).toBe(1);

    const restore = await t.gql('mutation($postId: ID!) { restorePost(postId: $postId) }', { postId: first }, moderator);
    expect(restore.errors).toBeUndefined();
    await expectCountsAgreeWithRows();
    expect(await totalCount({})).toBe(2);

    const remove = await t.gql('mutation($input: ModeratePostInput!) { deletePost(input: $input) }', { input: { postId: second } }, asker);
    expect(remove.errors).toBeUndefined();
    await expectCountsAgreeWithRows();
    expect(await totalCount({ tag: 'social-media' })).toBe(0);
    expect(await totalCount({ communitySlug: 'counted-community' })).toBe(1);
  });
});

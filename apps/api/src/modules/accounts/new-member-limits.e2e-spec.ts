import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const ASK = 'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const ANSWER = 'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }';
const COMMENT = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }';
const EDIT_ANSWER = 'mutation($input: EditAnswerInput!) { editAnswer(input: $input) { id } }';
const EDIT_QUESTION = 'mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id } }';

/** A body linking to `n` different sites, plus links that stay on this one (never counted). */
const linking = (n: number) =>
  `${Array.from({ length: n }, (_, i) => `[source ${i}](https://site-${i}.example/page)`).join(', ')} and [our earlier question](/q/elsewhere).`;

const TOO_MANY = 'New members can include at most 2 links to other sites in a post; this one has 3. Remove some, or post them once your account is 3 days old or has 3 posts.';

describe('new members’ first posts', () => {
  let t: TestApp;
  let communityId: string;
  let regular: Person;
  let questionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ communityId } = await createCommunity(t));
    regular = await signUp(t, 'Reg Ular');
    await t.db.query(`UPDATE users SET created_at = now() - interval '4 days' WHERE id = $1`, [regular.id]);
    questionId = await askQuestion(t, regular, communityId);
  });
  afterAll(() => t.close());

  const postCount = async (userId: string) =>
    ((await t.db.query(
      `SELECT (SELECT count(*) FROM questions WHERE author_id = $1) + (SELECT count(*) FROM answers WHERE author_id = $1) + (SELECT count(*) FROM comments WHERE author_id = $1) AS n`,
      [userId],
    )) as { n: string }[])[0].n;

  it('refuses more than two links to other sites in a question, an answer or a comment, and saves nothing', async () => {
    const fresh = await signUp(t, 'Nia New');
    const refusals = [
      await t.gql(ASK, { input: { communityId, title: 'Where are the parish policies published?', body: linking(3), tags: ['general'] } }, fresh),
      await t.gql(ANSWER, { input: { questionId, body: linking(3) } }, fresh),
      await t.gql(COMMENT, { input: { postId: questionId, body: linking(3) } }, fresh),
    ];
    for (const refusal of refusals) expect(errorOf(refusal)).toEqual({ code: 'BAD_USER_INPUT', field: 'body', message: TOO_MANY });
    expect(await postCount(fresh.id)).toBe('0');

    // Two are fine, and so is the same address twice, or links within the site.
    await askQuestion(t, fresh, communityId, { body: `${linking(2)} See [again](https://site-0.example/page).` });
    expect(await postCount(fresh.id)).toBe('1');
  });

  it('does not let an edit add the links a new post could not have', async () => {
    const fresh = await signUp(t, 'Ned New');
    const answerId = await answerQuestion(t, fresh, questionId, linking(1));
    expect(errorOf(await t.gql(EDIT_ANSWER, { input: { answerId, body: linking(3) } }, fresh))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const ownQuestion = await askQuestion(t, fresh, communityId, { title: 'Do school governors declare this?' });
    expect(errorOf(await t.gql(EDIT_QUESTION, { input: { questionId: ownQuestion, body: linking(4) } }, fresh))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    const [answer] = (await t.db.query('SELECT body FROM answers WHERE id = $1', [answerId])) as { body: string }[];
    expect(answer.body).toBe(linking(1));
    // A title-only edit of a post is not about links.
    expect((await t.gql(EDIT_QUESTION, { input: { questionId: ownQuestion, title: 'Do school governors declare outside roles?' } }, fresh)).errors).toBeUndefined();
  });

  it('stops applying once the account is three days old, or has three posts still shown', async () => {
    expect((await t.gql(ANSWER, { input: { questionId, body: linking(5) } }, regular)).errors).toBeUndefined();

    const busy = await signUp(t, 'Bo Busy');
    for (let i = 0; i < 3; i += 1) await answerQuestion(t, busy, questionId, `Answer number ${i}.`);
    expect((await t.gql(COMMENT, { input: { postId: questionId, body: linking(3) } }, busy)).errors).toBeUndefined();

    // Posts that were hidden or deleted do not count towards it.
    const flagged = await signUp(t, 'Fay Flagged');
    for (let i = 0; i < 3; i += 1) await answerQuestion(t, flagged, questionId, `Answer number ${i}.`);
    await t.db.query('UPDATE answers SET hidden_at = now() WHERE author_id = $1', [flagged.id]);
    expect(errorOf(await t.gql(COMMENT, { input: { postId: questionId, body: linking(3) } }, flagged)).message).toBe(TOO_MANY);
  });

  it('asks the database nothing about an established member’s standing when they post', async () => {
    const asker = await signUp(t, 'Ada Asker');
    const othersQuestion = await askQuestion(t, asker, communityId, { title: 'Who signs off the annual report?' });
    const statementsToAnswer = async (person: Person) => {
      const before = t.statements();
      await answerQuestion(t, person, othersQuestion, 'The monitoring officer, after the audit committee.');
      return t.statements() - before;
    };
    const established = await statementsToAnswer(regular);
    const newcomer = await statementsToAnswer(await signUp(t, 'Nat Newcomer'));
    // The same answer, the same notification; only the new member's standing is read.
    expect(established).toBe(newcomer - 1);
  });

  it('lets a new member post five times in ten minutes', async () => {
    // Each of their posts is hidden as it arrives (as flags would), so they stay new.
    const spammer = await signUp(t, 'Sam Spam');
    for (let i = 0; i < 5; i += 1) {
      await answerQuestion(t, spammer, questionId, `Buy now, offer ${i}.`);
      await t.db.query('UPDATE answers SET hidden_at = now() WHERE author_id = $1', [spammer.id]);
    }
    const limited = await t.gql(COMMENT, { input: { postId: questionId, body: 'One more offer.' } }, spammer);
    expect(errorOf(limited)).toMatchObject({ code: 'RATE_LIMITED', message: 'New members can post 5 times in 10 minutes. Wait a little and try again.' });
    const retryAfter = limited.errors?.[0].extensions?.retryAfter ?? 0;
    expect(retryAfter).toBeGreaterThan(500);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await postCount(spammer.id)).toBe('5');
    // Someone established is not limited this way.
    for (let i = 0; i < 6; i += 1) await answerQuestion(t, regular, questionId, `Established answer ${i}.`);
  });
});

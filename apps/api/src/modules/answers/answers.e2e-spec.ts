import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const ANSWER = 'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id body author { displayName } question { id answerCount } isAccepted } }';
const EDIT = 'mutation($input: EditAnswerInput!) { editAnswer(input: $input) { id body } }';
const ACCEPT = 'mutation($id: ID!) { acceptAnswer(answerId: $id) { id acceptedAnswer { id } answers { id isAccepted } } }';
const QUESTION = `query($id: ID!) { question(id: $id) {
  answerCount acceptedAnswer { id }
  answers { id body isAccepted score revisions { revision body editedBy { displayName } } comments { body author { displayName } } }
  comments { body author { displayName } }
} }`;

describe('answers, comments and accepting', () => {
  let t: TestApp;
  let asker: Person;
  let helper: Person;
  let bystander: Person;
  let questionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const { communityId } = await createCommunity(t);
    asker = await signUp(t, 'Asker');
    helper = await signUp(t, 'Helper');
    bystander = await signUp(t, 'Bystander');
    questionId = await askQuestion(t, asker, communityId);
  });
  afterAll(() => t.close());

  it('answers a question and counts it', async () => {
    const result = await t.gql<{ answerQuestion: { question: { answerCount: number }; isAccepted: boolean } }>(
      ANSWER,
      { input: { questionId, body: 'Declare the role to your line manager.' } },
      helper,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.answerQuestion).toMatchObject({ author: { displayName: 'Helper' }, question: { answerCount: 1 }, isAccepted: false });
  });

  it('refuses blank, oversized, signed-out and misdirected answers', async () => {
    expect(errorOf(await t.gql(ANSWER, { input: { questionId, body: ' ' } }, helper))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(errorOf(await t.gql(ANSWER, { input: { questionId, body: 'x'.repeat(30001) } }, helper))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(errorOf(await t.gql(ANSWER, { input: { questionId, body: 'Hi' } })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(ANSWER, { input: { questionId: '00000000-0000-4000-8000-000000000000', body: 'Hi' } }, helper))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'questionId',
    });
  });

  it('keeps the history of an edited answer and refuses others\' edits', async () => {
    const answerId = await answerQuestion(t, helper, questionId, 'First wording');
    expect((await t.gql(EDIT, { input: { answerId, body: 'Second wording' } }, helper)).errors).toBeUndefined();
    expect(errorOf(await t.gql(EDIT, { input: { answerId, body: 'Vandalised' } }, bystander)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(EDIT, { input: { answerId, body: 'Second wording' } }, helper)).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await t.gql(EDIT, { input: { answerId: '00000000-0000-4000-8000-000000000000', body: 'x' } }, helper)).code).toBe('NOT_FOUND');
    const question = await t.gql<{ question: { answers: { id: string; body: string; revisions: { revision: number; body: string }[] }[] } }>(QUESTION, { id: questionId });
    const answer = question.data?.question.answers.find((a) => a.id === answerId);
    expect(answer?.body).toBe('Second wording');
    expect(answer?.revisions.map((r) => [r.revision, r.body])).toEqual([
      [1, 'First wording'],
      [2, 'Second wording'],
    ]);
  });

  it('lets only the asker accept, and move the acceptance to another answer', async () => {
    const first = await answerQuestion(t, helper, questionId, 'Answer A');
    const second = await answerQuestion(t, bystander, questionId, 'Answer B');
    expect(errorOf(await t.gql(ACCEPT, { id: first }, helper)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(ACCEPT, { id: first })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(ACCEPT, { id: '00000000-0000-4000-8000-000000000000' }, asker)).code).toBe('NOT_FOUND');

    const accepted = await t.gql<{ acceptAnswer: { acceptedAnswer: { id: string }; answers: { id: string; isAccepted: boolean }[] } }>(ACCEPT, { id: first }, asker);
    expect(accepted.data?.acceptAnswer.acceptedAnswer.id).toBe(first);
    expect(accepted.data?.acceptAnswer.answers[0]).toEqual({ id: first, isAccepted: true });

    const moved = await t.gql<{ acceptAnswer: { acceptedAnswer: { id: string }; answers: { id: string; isAccepted: boolean }[] } }>(ACCEPT, { id: second }, asker);
    expect(moved.data?.acceptAnswer.acceptedAnswer.id).toBe(second);
    expect(moved.data?.acceptAnswer.answers.filter((a) => a.isAccepted).map((a) => a.id)).toEqual([second]);
  });

  it('lets only the asker take an acceptance back, and only from the accepted answer', async () => {
    const UNACCEPT = 'mutation($id: ID!) { unacceptAnswer(answerId: $id) { id acceptedAnswer { id } answers { id isAccepted } } }';
    const first = await answerQuestion(t, helper, questionId, 'Answer C');
    const other = await answerQuestion(t, bystander, questionId, 'Answer D');
    await t.gql(ACCEPT, { id: first }, asker);
    expect(errorOf(await t.gql(UNACCEPT, { id: first }, helper)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(UNACCEPT, { id: first })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(UNACCEPT, { id: other }, asker))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answerId' });

    const undone = await t.gql<{ unacceptAnswer: { acceptedAnswer: unknown; answers: { isAccepted: boolean }[] } }>(UNACCEPT, { id: first }, asker);
    expect(undone.errors).toBeUndefined();
    expect(undone.data?.unacceptAnswer.acceptedAnswer).toBeNull();
    expect(undone.data?.unacceptAnswer.answers.every((a) => !a.isAccepted)).toBe(true);
    // Nothing left to undo; accepting again works as before.
    expect(errorOf(await t.gql(UNACCEPT, { id: first }, asker))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'answerId' });
    const again = await t.gql<{ acceptAnswer: { acceptedAnswer: { id: string } } }>(ACCEPT, { id: first }, asker);
    expect(again.data?.acceptAnswer.acceptedAnswer.id).toBe(first);
  });

  it("pages a long question's answers: offset skips that many in the same order, and is bounded", async () => {
    const PAGE = 'query($id: ID!, $first: Int, $offset: Int) { question(id: $id) { answers(first: $first, offset: $offset) { id } } }';
    type Page = { question: { answers: { id: string }[] } };
    const all = (await t.gql<Page>(PAGE, { id: questionId, first: 100 })).data?.question.answers.map((a) => a.id) ?? [];
    expect(all.length).toBeGreaterThanOrEqual(3);
    for (let offset = 0; offset < all.length; offset += 1) {
      const page = await t.gql<Page>(PAGE, { id: questionId, first: 2, offset });
      expect(page.data?.question.answers.map((a) => a.id)).toEqual(all.slice(offset, offset + 2));
    }
    expect((await t.gql<Page>(PAGE, { id: questionId, offset: all.length })).data?.question.answers).toEqual([]);
    expect(errorOf(await t.gql(PAGE, { id: questionId, offset: -1 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
    expect(errorOf(await t.gql(PAGE, { id: questionId, offset: 10_001 }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offset' });
  });

  it('comments on questions and answers', async () => {
    const answerId = await answerQuestion(t, helper, questionId, 'Answer with comments');
    const ADD = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id body author { displayName } } }';
    expect((await t.gql(ADD, { input: { postId: questionId, body: 'Which council?' } }, bystander)).errors).toBeUndefined();
    expect((await t.gql(ADD, { input: { postId: answerId, body: 'Thanks, that helps.' } }, asker)).errors).toBeUndefined();
    expect(errorOf(await t.gql(ADD, { input: { postId: questionId, body: '' } }, asker))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(errorOf(await t.gql(ADD, { input: { postId: questionId, body: 'x'.repeat(2001) } }, asker))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(errorOf(await t.gql(ADD, { input: { postId: questionId, body: 'Anonymous' } })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(ADD, { input: { postId: '00000000-0000-4000-8000-000000000000', body: 'Lost' } }, asker))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'postId',
    });
    const question = await t.gql<{ question: { comments: unknown[]; answers: { id: string; comments: unknown[] }[] } }>(QUESTION, { id: questionId });
    expect(question.data?.question.comments).toEqual([{ body: 'Which council?', author: { displayName: 'Bystander' } }]);
    expect(question.data?.question.answers.find((a) => a.id === answerId)?.comments).toEqual([{ body: 'Thanks, that helps.', author: { displayName: 'Asker' } }]);
  });
});

describe('votes', () => {
  let t: TestApp;
  let asker: Person;
  let voters: Person[];
  let questionId: string;
  let answerId: string;
  const VOTE = 'mutation($input: VoteInput!) { vote(input: $input) }';

  beforeAll(async () => {
    t = await startTestApp();
    const { communityId } = await createCommunity(t);
    asker = await signUp(t, 'Asker');
    voters = [await signUp(t, 'V1'), await signUp(t, 'V2'), await signUp(t, 'V3')];
    questionId = await askQuestion(t, asker, communityId);
    answerId = await answerQuestion(t, voters[0], questionId);
  });
  afterAll(() => t.close());

  it('keeps one vote per person per post, changeable and withdrawable', async () => {
    const vote = async (who: Person, postId: string, value: string) => (await t.gql<{ vote: number }>(VOTE, { input: { postId, value } }, who)).data?.vote;
    expect(await vote(voters[0], questionId, 'UP')).toBe(1);
    expect(await vote(voters[0], questionId, 'UP')).toBe(1);
    expect(await vote(voters[1], questionId, 'UP')).toBe(2);
    expect(await vote(voters[2], questionId, 'DOWN')).toBe(1);
    expect(await vote(voters[2], questionId, 'UP')).toBe(3);
    expect(await vote(voters[1], questionId, 'NONE')).toBe(2);
    expect(await vote(voters[1], answerId, 'DOWN')).toBe(-1);

    const seen = await t.gql<{ question: { score: number; viewerVote: string; answers: { score: number; viewerVote: string }[] } }>(
      'query($id: ID!) { question(id: $id) { score viewerVote answers { score viewerVote } } }',
      { id: questionId },
      voters[1],
    );
    expect(seen.data?.question).toEqual({ score: 2, viewerVote: 'NONE', answers: [{ score: -1, viewerVote: 'DOWN' }] });
  });

  it('adds up votes cast at the same moment', async () => {
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => signUp(t, `Crowd ${i}`)));
    await Promise.all(people.map((p) => t.gql(VOTE, { input: { postId: answerId, value: 'UP' } }, p)));
    const [{ score }] = (await t.db.query('SELECT score FROM answers WHERE id = $1', [answerId])) as { score: number }[];
    const [{ sum }] = (await t.db.query('SELECT coalesce(sum(value), 0)::int AS sum FROM votes WHERE answer_id = $1', [answerId])) as { sum: number }[];
    expect(score).toBe(sum);
    expect(score).toBe(7);
  });

  it('refuses voting on your own post, on nothing, with a bad value, or signed out', async () => {
    expect(errorOf(await t.gql(VOTE, { input: { postId: questionId, value: 'UP' } }, asker)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(VOTE, { input: { postId: 'x', value: 'UP' } }, voters[0]))).toMatchObject({ code: 'NOT_FOUND', field: 'postId' });
    expect(errorOf(await t.gql(VOTE, { input: { postId: questionId, value: 'SIDEWAYS' } }, voters[0])).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await t.gql(VOTE, { input: { postId: questionId, value: 'UP' } })).code).toBe('UNAUTHENTICATED');
  });
});

import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const PROFILE = `query($id: ID!) { user(id: $id) {
  createdAt questionCount answerCount acceptedAnswerCount
  questions(first: 2) { id title }
  answers { id question { id title } }
} }`;

interface Profile {
  createdAt: string;
  questionCount: number;
  answerCount: number;
  acceptedAnswerCount: number;
  questions: { id: string; title: string }[];
  answers: { id: string; question: { id: string; title: string } }[];
}

describe('what a profile shows of a person’s activity', () => {
  let t: TestApp;
  let person: Person;
  let asker: Person;
  let moderator: Person;
  let communityId: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ communityId, moderator } = await createCommunity(t));
    person = await signUp(t, 'Active Member');
    asker = await signUp(t, 'Asker');
  });
  afterAll(() => t.close());

  it('lists their newest readable questions and answers with counts, and when they joined', async () => {
    const first = await askQuestion(t, person, communityId, { title: 'First question from the member' });
    const second = await askQuestion(t, person, communityId, { title: 'Second question from the member' });
    const third = await askQuestion(t, person, communityId, { title: 'Third question from the member' });
    const theirs = await askQuestion(t, asker, communityId, { title: 'A question the member answers' });
    const answerId = await answerQuestion(t, person, theirs, 'Declare it to your manager.');
    await t.gql('mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }', { id: answerId }, asker);
    // A removed question is not part of anyone's public record.
    await t.gql('mutation($input: ModeratePostInput!) { hidePost(input: $input) }', { input: { postId: second, reason: 'Off topic.' } }, moderator);

    const result = await t.gql<{ user: Profile }>(PROFILE, { id: person.id });
    expect(result.errors).toBeUndefined();
    const profile = result.data!.user;
    expect(profile.questionCount).toBe(2);
    expect(profile.questions.map((q) => q.id)).toEqual([third, first]);
    expect(profile.answerCount).toBe(1);
    expect(profile.acceptedAnswerCount).toBe(1);
    expect(profile.answers).toEqual([{ id: answerId, question: { id: theirs, title: 'A question the member answers' } }]);
    expect(new Date(profile.createdAt).getTime()).toBeLessThanOrEqual(Date.now());

    const quiet = await t.gql<{ user: Profile }>(PROFILE, { id: asker.id });
    expect(quiet.data?.user).toMatchObject({ questionCount: 1, answerCount: 0, acceptedAnswerCount: 0, answers: [] });
  });
});

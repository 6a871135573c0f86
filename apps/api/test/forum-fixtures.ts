import { grantRole, signUp, type TestApp } from './test-app.js';

export interface Person {
  token: string;
  id: string;
}

/** A community with a moderator, for suites about questions and answers. */
export async function createCommunity(t: TestApp, slug = 'social-media-in-local-government'): Promise<{ communityId: string; moderator: Person }> {
  const moderator = await signUp(t, 'Moderator');
  await grantRole(t, moderator.id, 'MODERATOR');
  const result = await t.gql<{ createCommunity: { id: string } }>(
    'mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }',
    { input: { slug, title: `Community ${slug}`, description: 'For tests.' } },
    moderator,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return { communityId: result.data.createCommunity.id, moderator };
}

export async function askQuestion(
  t: TestApp,
  asker: Person,
  communityId: string,
  overrides: Partial<{ title: string; body: string; tags: string[] }> = {},
): Promise<string> {
  const result = await t.gql<{ askQuestion: { id: string } }>(
    'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }',
    {
      input: {
        communityId,
        title: 'Can an officer also be a parish councillor?',
        body: 'Is there any policy about dual roles?',
        tags: ['conflicts-of-interest'],
        ...overrides,
      },
    },
    asker,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.askQuestion.id;
}

export async function answerQuestion(t: TestApp, author: Person, questionId: string, body = 'Yes, if they declare it.'): Promise<string> {
  const result = await t.gql<{ answerQuestion: { id: string } }>(
    'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }',
    { input: { questionId, body } },
    author,
  );
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.answerQuestion.id;
}

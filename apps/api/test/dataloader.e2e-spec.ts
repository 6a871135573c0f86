import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { answerQuestion, askQuestion, createCommunity } from './forum-fixtures.js';
import { grantOrganisationRole, signUp, startTestApp, type TestApp } from './test-app.js';

const here = dirname(fileURLToPath(import.meta.url));
const webOperations = Object.values(JSON.parse(readFileSync(resolve(here, '..', '..', 'web', 'src', 'generated', 'persisted-documents.json'), 'utf8')) as Record<string, string>);
/** The question page's operation exactly as the web app sends it. */
const QUESTION_PAGE = webOperations.find((text) => /query QuestionDetail\b/.test(text)) as string;

// Small nested pages keep 50 questions under the cost limit (common/query-limits.ts); every question here has one answer and one comment.
const LIST = `query($first: Int) { questions(first: $first) { totalCount edges { node {
  id title score viewCount answerCount viewerVote isLocked closedReason viewerCanAnswer duplicateOf { id }
  moderation { visibility viewerHasFlagged viewerCanFlag viewerCanDelete }
  author { displayName affiliations { role organisation { name } } }
  community { slug memberCount viewerIsMember }
  tags { slug questionCount }
  acceptedAnswer { id author { displayName } }
  answers(first: 3) { id body isAccepted viewerVote author { displayName } moderation { visibility viewerHasFlagged viewerCanFlag }
    comments(first: 3) { body author { displayName } moderation { visibility viewerCanFlag } } revisions(first: 3) { editedBy { displayName } } }
  comments(first: 3) { body author { displayName } moderation { visibility viewerCanFlag } }
  revisions(first: 3) { editedBy { displayName } }
} } } }`;

describe('per-item relations go through DataLoader', () => {
  let t: TestApp;
  let viewer: { token: string };

  beforeAll(async () => {
    t = await startTestApp();
    const { communityId } = await createCommunity(t);
    const people = await Promise.all(Array.from({ length: 6 }, (_, i) => signUp(t, `Person ${i}`)));
    viewer = people[0];
    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ('county-council', 'County Council')`);
    for (const p of people) {
      await t.gql('mutation { setAffiliations(input: [{ organisationSlug: "county-council", role: "employee" }]) { id } }', {}, p);
    }
    for (let i = 0; i < 50; i += 1) {
      const asker = people[i % people.length];
      const id = await askQuestion(t, asker, communityId, { title: `Question number ${i} on policy`, tags: [`tag-${i % 7}`, 'common'] });
      const answerer = people[(i + 1) % people.length];
      const answerId = await answerQuestion(t, answerer, id, `Answer ${i}`);
      await t.gql('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { postId: answerId, body: 'Thanks' } }, asker);
      if (i % 3 === 0) await t.gql('mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }', { id: answerId }, asker);
      // Removed posts on every page: whether the viewer may read them must not cost a statement each.
      if (i % 5 === 0) await t.db.query('UPDATE answers SET hidden_at = now() WHERE id = $1', [answerId]);
      if (i % 5 === 1) await t.db.query('UPDATE comments SET deleted_at = now() WHERE answer_id = $1', [answerId]);
    }
  });
  afterAll(() => t.close());

  async function statementsFor(first: number): Promise<number> {
    const before = t.statements();
    const result = await t.gql<{ questions: { edges: unknown[] } }>(LIST, { first }, viewer);
    expect(result.errors).toBeUndefined();
    expect(result.data?.questions.edges).toHaveLength(first);
    return t.statements() - before;
  }

  it('costs the same number of SQL statements for 10 questions as for 50', async () => {
    const ten = await statementsFor(10);
    const fifty = await statementsFor(50);
    expect(fifty).toBe(ten);
    // One per relation kind (the viewer's flags: one per level of posts, as questions, answers
    // and their comments resolve in turn), plus the session lookup, the count and the page itself.
    expect(ten).toBeLessThanOrEqual(21);
  });
});

describe('the question page goes through DataLoader', () => {
  let t: TestApp;
  let viewer: { token: string };
  const questions = new Map<number, string>();

  beforeAll(async () => {
    t = await startTestApp();
    const { communityId } = await createCommunity(t);
    const people = await Promise.all(Array.from({ length: 4 }, (_, i) => signUp(t, `Page person ${i}`)));
    viewer = people[0];
    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ('page-council', 'Page Council')`);
    await grantOrganisationRole(t, people[1].id, 'page-council', 'POLICY_AUTHOR');
    const created = await t.gql<{ createPolicyDocument: { id: string } }>(
      'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id } }',
      { input: { organisationSlug: 'page-council', slug: 'page-policy', title: 'Page Policy' } },
      people[1],
    );
    const documentId = created.data!.createPolicyDocument.id;
    await t.gql('mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }', {
      input: { documentId, markdown: '# Page Policy\n\n## Scope\n\nEveryone.\n' },
    }, people[1]);
    await t.gql('mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { id } }', {
      input: { documentId, bump: 'MAJOR', summaryOfChanges: 'First.', contributors: [] },
    }, people[1]);

    // Pages that differ only in how many answers (each commented on, edited and citing) they
    // hold, by the same people on each page: whose rows a page needs is the same.
    for (const count of [1, 3, 10]) {
      const id = await askQuestion(t, people[1], communityId, { title: `A question with ${count} answers`, body: 'See policy:page-policy@1.0#scope please.' });
      await t.gql('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { postId: id, body: 'Which scope?' } }, people[0]);
      for (let i = 0; i < count; i += 1) {
        const answerer = people[2 + (i % 2)];
        const answerId = await answerQuestion(t, answerer, id, `Answer ${i}: policy:page-policy@1.0#scope says so.`);
        await t.gql('mutation($input: AddCommentInput!) { addComment(input: $input) { id } }', { input: { postId: answerId, body: 'Thanks' } }, people[0]);
        await t.gql('mutation($input: EditAnswerInput!) { editAnswer(input: $input) { id } }', { input: { answerId, body: `Answer ${i}, edited: policy:page-policy@1.0#scope.` } }, answerer);
      }
      questions.set(count, id);
    }
  });
  afterAll(() => t.close());

  async function statementsFor(count: number, person?: { token: string }): Promise<number> {
    const before = t.statements();
    const result = await t.gql<{ question: { answers: unknown[] } }>(QUESTION_PAGE, { id: questions.get(count) }, person);
    expect(result.errors).toBeUndefined();
    expect(result.data?.question.answers).toHaveLength(count);
    return t.statements() - before;
  }

  it('costs the same number of SQL statements for one answer as for three or ten, signed in or not', async () => {
    expect(QUESTION_PAGE).toBeDefined();
    for (const person of [undefined, viewer]) {
      // A person's first view of a page also counts the view (one UPDATE); later views do not.
      const firstViews = [await statementsFor(1, person), await statementsFor(3, person), await statementsFor(10, person)];
      expect(new Set(firstViews).size).toBe(1);
      const one = await statementsFor(1, person);
      expect(one).toBe(firstViews[0] - 1);
      // The question, its answers, citations, comments, revisions and everyone they name (one
      // statement, common/loaders.ts; the community was read before and is kept); a signed-in
      // viewer adds their own votes, flags and rights per level of posts.
      expect(one).toBeLessThanOrEqual(person ? 13 : 6);
      expect(await statementsFor(3, person)).toBe(one);
      expect(await statementsFor(10, person)).toBe(one);
    }
  });
});

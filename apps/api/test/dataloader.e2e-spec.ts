import { answerQuestion, askQuestion, createCommunity } from './forum-fixtures.js';
import { signUp, startTestApp, type TestApp } from './test-app.js';

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

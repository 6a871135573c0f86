import { answerQuestion, askQuestion, createCommunity, type Person } from './forum-fixtures.js';
import { grantOrganisationRole, grantRole, signUp, startTestApp, type TestApp } from './test-app.js';

// How moderation puts a post in these states is moderation's own suite; here the states are
// set directly so this suite pins down only what every reader-facing list leaves out.
const LIST = `query { questions(first: 50) { totalCount edges { node { id } } } }`;
const SEARCH = `query($q: String!) { search(query: $q, first: 50) { totalCount edges { node { question { id } answer { id } matchingAnswerCount } } } }`;
const SIMILAR = `query($title: String!) { similarQuestions(title: $title, first: 10) { id } }`;

describe('hidden, deleted and closed content in reader-facing lists', () => {
  let t: TestApp;
  let asker: Person;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    const { communityId } = await createCommunity(t);
    asker = await signUp(t);
    const answerer = await signUp(t);
    ids.visible = await askQuestion(t, asker, communityId, { title: 'Declaring a parish council seat to a manager', body: 'Which form do I use for a parish council seat?' });
    ids.hidden = await askQuestion(t, asker, communityId, { title: 'Parish council seat and hidden spam links', body: 'Buy cheap parish council seats here.' });
    ids.deleted = await askQuestion(t, asker, communityId, { title: 'Parish council seat question deleted by author', body: 'Never mind about the parish council seat.' });
    ids.duplicate = await askQuestion(t, asker, communityId, { title: 'Declaring my parish council seat to my manager', body: 'How to declare a parish council seat?' });
    ids.visibleAnswer = await answerQuestion(t, answerer, ids.visible, 'Use the declaration of interests form for a parish council seat.');
    ids.hiddenAnswer = await answerQuestion(t, answerer, ids.visible, 'Parish council seat spam answer.');
    await t.db.query('UPDATE questions SET hidden_at = now() WHERE id = $1', [ids.hidden]);
    await t.db.query(`UPDATE questions SET deleted_at = now(), deleted_by = author_id, removal_reason = 'deleted by its author' WHERE id = $1`, [ids.deleted]);
    await t.db.query(`UPDATE questions SET closed_reason = 'DUPLICATE', closed_at = now(), duplicate_of_id = $2 WHERE id = $1`, [ids.duplicate, ids.visible]);
    await t.db.query('UPDATE answers SET hidden_at = now() WHERE id = $1', [ids.hiddenAnswer]);
  });
  afterAll(() => t.close());

  it('leaves hidden and deleted questions out of the question list and its count; closed ones stay', async () => {
    const result = await t.gql<{ questions: { totalCount: number; edges: { node: { id: string } }[] } }>(LIST);
    const listed = result.data!.questions.edges.map((e) => e.node.id);
    expect(listed.sort()).toEqual([ids.visible, ids.duplicate].sort());
    expect(result.data!.questions.totalCount).toBe(2);
  });

  it('never finds hidden or deleted posts by search, and ranks a duplicate below its target', async () => {
    const result = await t.gql<{ search: { totalCount: number; edges: { node: { question: { id: string }; answer: { id: string } | null; matchingAnswerCount: number } }[] } }>(
      SEARCH,
      { q: 'parish council seat' },
    );
    const hits = result.data!.search.edges.map((e) => e.node);
    // One hit per question, its answers counted in: the hidden answer is not one of them.
    expect(hits.map((hit) => [hit.question.id, hit.answer?.id ?? null, hit.matchingAnswerCount])).toEqual([
      [ids.visible, null, 1],
      [ids.duplicate, null, 0],
    ]);
    const answerOnly = await t.gql<{ search: { edges: { node: { question: { id: string }; answer: { id: string } | null } }[] } }>(SEARCH, { q: 'interests' });
    expect(answerOnly.data!.search.edges.map((e) => [e.node.question.id, e.node.answer?.id ?? null])).toEqual([[ids.visible, ids.visibleAnswer]]);
    expect((await t.gql<{ search: { totalCount: number } }>(SEARCH, { q: 'spam' })).data!.search.totalCount).toBe(0);
    expect(result.data!.search.totalCount).toBe(hits.length);
  });

  it('suggests the target instead of a duplicate, once, and nothing hidden or deleted', async () => {
    const result = await t.gql<{ similarQuestions: { id: string }[] }>(SIMILAR, { title: 'parish council seat' });
    expect(result.data!.similarQuestions.map((q) => q.id)).toEqual([ids.visible]);
  });

  it('withdraws the notifications that point at a post once it is hidden, but keeps the notice to its author', async () => {
    const { communityId } = await createCommunity(t, 'notifications-after-moderation');
    const moderator = await signUp(t, 'Site Moderator');
    await grantRole(t, moderator.id, 'MODERATOR');
    const questionAuthor = await signUp(t, 'Asker');
    const spammer = await signUp(t, 'Spammer');
    const questionId = await askQuestion(t, questionAuthor, communityId, { title: 'Who approves a second job at the council?', body: 'Asking for a colleague.' });
    const spamId = await answerQuestion(t, spammer, questionId, 'Cheap approvals, click here.');
    const keptId = await answerQuestion(t, await signUp(t, 'Helper'), questionId, 'Your line manager does.');
    const NOTIFICATIONS = '{ me { notifications(first: 20) { kind url } } }';
    const paths = async (person: Person) =>
      ((await t.gql<{ me: { notifications: { kind: string; url: string }[] } }>(NOTIFICATIONS, {}, person)).data!.me.notifications).map((n) => `${n.kind} ${new URL(n.url).hash}`);
    expect(await paths(questionAuthor)).toEqual(expect.arrayContaining([`NEW_ANSWER #a-${spamId}`, `NEW_ANSWER #a-${keptId}`]));

    const hidden = await t.gql('mutation($input: ModeratePostInput!) { hidePost(input: $input) }', { input: { postId: spamId, reason: 'Spam.' } }, moderator);
    expect(hidden.errors).toBeUndefined();
    expect(await paths(questionAuthor)).toEqual([`NEW_ANSWER #a-${keptId}`]);
    expect(await paths(spammer)).toEqual([`POST_HIDDEN #a-${spamId}`]);
  });

  it('counts only citations from posts people can read in "cited by" and stale citations', async () => {
    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ('removed-content-council', 'Removed Content Council')`);
    const author = await signUp(t, 'Policy Author');
    await grantOrganisationRole(t, author.id, 'removed-content-council', 'POLICY_AUTHOR');
    const created = await t.gql<{ createPolicyDocument: { id: string } }>(
      'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id } }',
      { input: { organisationSlug: 'removed-content-council', slug: 'gifts-policy', title: 'Gifts Policy' } },
      author,
    );
    const documentId = created.data!.createPolicyDocument.id;
    const publish = async (text: string) => {
      await t.gql('mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }', { input: { documentId, markdown: `# Gifts Policy\n\n## Gifts\n\n${text}\n` } }, author);
      const published = await t.gql('mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { id } }', {
        input: { documentId, bump: 'MAJOR', summaryOfChanges: 'Edition.', contributors: [] },
      }, author);
      expect(published.errors).toBeUndefined();
    };
    await publish('Declare gifts over £25.');
    const questionId = await askQuestion(t, asker, (await createCommunity(t, 'gifts')).communityId, { title: 'May I keep a bottle of wine from a supplier?', body: 'Asking.' });
    const citing = await signUp(t, 'Citing Member');
    const kept = await answerQuestion(t, citing, questionId, 'See policy:gifts-policy@1.0#gifts for the limit.');
    const removed = await answerQuestion(t, citing, questionId, 'Also policy:gifts-policy@1.0#gifts, as I said.');
    await publish('Declare every gift, whatever its value.');
    const CITED = `{ policyDocument(slug: "gifts-policy") { citedBy { answer { id } } staleCitations { answer { id } } } }`;
    const citedAnswers = async () => {
      const result = await t.gql<{ policyDocument: { citedBy: { answer: { id: string } }[]; staleCitations: { answer: { id: string } }[] } }>(CITED);
      expect(result.errors).toBeUndefined();
      return { citedBy: result.data!.policyDocument.citedBy.map((c) => c.answer.id).sort(), stale: result.data!.policyDocument.staleCitations.map((c) => c.answer.id).sort() };
    };
    expect(await citedAnswers()).toEqual({ citedBy: [kept, removed].sort(), stale: [kept, removed].sort() });

    await t.db.query(`UPDATE answers SET deleted_at = now(), removal_reason = 'deleted by its author' WHERE id = $1`, [removed]);
    expect(await citedAnswers()).toEqual({ citedBy: [kept], stale: [kept] });
  });
});

import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const ADD = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id editedAt } }';
const EDIT = 'mutation($input: EditCommentInput!) { editComment(input: $input) { id body editedAt revisions { revision body editedBy { displayName } } } }';
const DELETE = 'mutation($input: ModeratePostInput!) { deletePost(input: $input) }';
const COMMENTS = 'query($id: ID!) { question(id: $id) { comments { id body editedAt revisions { revision body } moderation { visibility } } } }';

interface EditedComment {
  body: string;
  editedAt: string | null;
  revisions: { revision: number; body: string; editedBy: { displayName: string } }[];
}

describe('editing and deleting comments', () => {
  let t: TestApp;
  let author: Person;
  let other: Person;
  let moderator: Person;
  let questionId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const community = await createCommunity(t);
    moderator = community.moderator;
    author = await signUp(t, 'Commenter');
    other = await signUp(t, 'Someone Else');
    questionId = await askQuestion(t, other, community.communityId);
  });
  afterAll(() => t.close());

  const addComment = async (postId: string, body: string, as: Person) => {
    const added = await t.gql<{ addComment: { id: string; editedAt: string | null } }>(ADD, { input: { postId, body } }, as);
    expect(added.data?.addComment.editedAt).toBeNull();
    return added.data!.addComment.id;
  };

  it('lets its author reword a comment and keeps every wording', async () => {
    const commentId = await addComment(questionId, 'Which councill?', author);
    const first = await t.gql<{ editComment: EditedComment }>(EDIT, { input: { commentId, body: 'Which council?' } }, author);
    expect(first.errors).toBeUndefined();
    expect(first.data?.editComment.body).toBe('Which council?');
    expect(first.data?.editComment.editedAt).toEqual(expect.any(String));
    const second = await t.gql<{ editComment: EditedComment }>(EDIT, { input: { commentId, body: '  Which county council?  ' } }, author);
    expect(second.data?.editComment.revisions).toEqual([
      { revision: 1, body: 'Which councill?', editedBy: { displayName: 'Commenter' } },
      { revision: 2, body: 'Which council?', editedBy: { displayName: 'Commenter' } },
      { revision: 3, body: 'Which county council?', editedBy: { displayName: 'Commenter' } },
    ]);
    // Anyone may read the history of one comment on its own, as a page does when it is opened.
    const alone = await t.gql<{ comment: { revisions: { revision: number }[] } }>('query($id: ID!) { comment(id: $id) { revisions { revision } } }', { id: commentId });
    expect(alone.data?.comment.revisions.map((r) => r.revision)).toEqual([1, 2, 3]);
    expect((await t.gql('query($id: ID!) { comment(id: $id) { id } }', { id: '00000000-0000-4000-8000-000000000000' })).data).toEqual({ comment: null });
    // The history is append-only in the database, not only in the service.
    await expect(t.db.query("UPDATE comment_revisions SET body = 'rewritten' WHERE comment_id = $1", [commentId])).rejects.toThrow();
    await expect(t.db.query('DELETE FROM comment_revisions WHERE comment_id = $1', [commentId])).rejects.toThrow();
  });

  it('refuses edits by others, by visitors, blank ones and ones that change nothing', async () => {
    const commentId = await addComment(questionId, 'Is this about officers?', author);
    expect(errorOf(await t.gql(EDIT, { input: { commentId, body: 'Hijacked.' } }, other)).code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(EDIT, { input: { commentId, body: 'Hijacked.' } })).code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(EDIT, { input: { commentId, body: '   ' } }, author))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(errorOf(await t.gql(EDIT, { input: { commentId, body: 'x'.repeat(2001) } }, author))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(errorOf(await t.gql(EDIT, { input: { commentId, body: 'Is this about officers?' } }, author))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'body' });
    expect(errorOf(await t.gql(EDIT, { input: { commentId: '00000000-0000-4000-8000-000000000000', body: 'Lost.' } }, author))).toMatchObject({
      code: 'NOT_FOUND',
      field: 'commentId',
    });
    const seen = await t.gql<{ question: { comments: { id: string; body: string; revisions: unknown[] }[] } }>(COMMENTS, { id: questionId });
    expect(seen.data?.question.comments.find((c) => c.id === commentId)).toMatchObject({ body: 'Is this about officers?', revisions: [] });
    // The page offers editing to whoever may edit, and to nobody else.
    const CAN_EDIT = 'query($id: ID!) { question(id: $id) { comments { id moderation { viewerCanEdit } } } }';
    const canEdit = async (as?: Person) =>
      (await t.gql<{ question: { comments: { id: string; moderation: { viewerCanEdit: boolean } }[] } }>(CAN_EDIT, { id: questionId }, as)).data?.question.comments.find((c) => c.id === commentId)?.moderation.viewerCanEdit;
    expect([await canEdit(author), await canEdit(moderator), await canEdit(other), await canEdit()]).toEqual([true, true, false, false]);
  });

  it("lets the community's moderators edit any comment, recorded as theirs", async () => {
    const answerId = await answerQuestion(t, other, questionId, 'Yes, declare it.');
    const commentId = await addComment(answerId, 'Call me on 01234 567890.', author);
    const edited = await t.gql<{ editComment: EditedComment }>(EDIT, { input: { commentId, body: 'Ask me here rather than by phone.' } }, moderator);
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.editComment.revisions.map((r) => r.editedBy.displayName)).toEqual(['Commenter', 'Moderator']);
  });

  it('lets its author delete a comment, which then shows to others as a tombstone with no history', async () => {
    const commentId = await addComment(questionId, 'Sorry, wrong thread.', author);
    await t.gql(EDIT, { input: { commentId, body: 'Sorry, wrong question.' } }, author);
    expect(errorOf(await t.gql(DELETE, { input: { postId: commentId, reason: null } }, other)).code).toBe('FORBIDDEN');
    expect(await t.gql(DELETE, { input: { postId: commentId, reason: null } }, author)).toMatchObject({ data: { deletePost: true } });
    const seen = await t.gql<{ question: { comments: { id: string; body: string; revisions: unknown[]; moderation: { visibility: string } }[] } }>(COMMENTS, { id: questionId }, other);
    expect(seen.data?.question.comments.find((c) => c.id === commentId)).toMatchObject({ body: '', revisions: [], moderation: { visibility: 'DELETED' } });
    // A deleted comment is not edited back into view.
    expect(errorOf(await t.gql(EDIT, { input: { commentId, body: 'Back again.' } }, author)).code).toBe('FORBIDDEN');
  });
});

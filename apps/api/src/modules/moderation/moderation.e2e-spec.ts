import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { errorOf, grantRole, signUp, startTestApp, type GraphQLResponse, type TestApp } from '../../../test/test-app.js';

const SLUG = 'social-media-in-local-government';
const MODERATION = 'moderation { visibility removalReason viewerHasFlagged viewerCanFlag viewerCanModerate viewerCanDelete viewerCanEdit reviewRequested }';
const QUESTION = `query($id: ID!) { question(id: $id) {
  id title body answerCount closedReason closedNote closedAt isLocked viewerCanAnswer duplicateOf { id title }
  ${MODERATION}
  revisions { body }
  answers { id body ${MODERATION} revisions { body } comments { id body ${MODERATION} } }
  comments { id body ${MODERATION} }
} }`;
const FLAG = 'mutation($input: FlagPostInput!) { flagPost(input: $input) }';
const RESOLVE = 'mutation($input: ResolveFlagsInput!) { resolveFlags(input: $input) }';
const HIDE = 'mutation($input: ModeratePostInput!) { hidePost(input: $input) }';
const DELETE = 'mutation($input: ModeratePostInput!) { deletePost(input: $input) }';
const RESTORE = 'mutation($id: ID!) { restorePost(postId: $id) }';
const CLOSE = 'mutation($input: CloseQuestionInput!) { closeQuestion(input: $input) { id closedReason closedNote closedAt viewerCanAnswer duplicateOf { id title } } }';
const REOPEN = 'mutation($id: ID!) { reopenQuestion(questionId: $id) { id closedReason closedAt duplicateOf { id } viewerCanAnswer } }';
const LOCK = 'mutation($input: ModeratePostInput!) { lockQuestion(input: $input) { id isLocked viewerCanAnswer } }';
const UNLOCK = 'mutation($id: ID!) { unlockQuestion(questionId: $id) { id isLocked } }';
const SUSPEND = 'mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { id suspendedUntil } }';
const UNSUSPEND = 'mutation($id: ID!) { unsuspendMember(userId: $id) { id suspendedUntil } }';
const QUEUE = `query($slug: String) { moderationQueue(communitySlug: $slug) {
  postId kind excerpt visibility flagWeight reviewRequested question { id } author { displayName } community { slug }
  flags { reason note status flagger { displayName } }
} }`;
const LOG = `query($slug: String, $first: Int, $after: String) { moderationLog(communitySlug: $slug, first: $first, after: $after) {
  nextCursor entries { id action subjectKind subjectId reason createdAt actor { displayName } question { id } subjectUser { displayName } community { slug } }
} }`;
const ANSWER = 'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }';
const COMMENT = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }';
const VOTE = 'mutation($input: VoteInput!) { vote(input: $input) }';
const EDIT_ANSWER = 'mutation($input: EditAnswerInput!) { editAnswer(input: $input) { id } }';

interface ModerationView {
  visibility: string;
  removalReason: string | null;
  viewerHasFlagged: boolean;
  viewerCanFlag: boolean;
  viewerCanModerate: boolean;
  viewerCanDelete: boolean;
  viewerCanEdit: boolean;
  reviewRequested: boolean;
}
interface PostView {
  id: string;
  body: string;
  moderation: ModerationView;
  revisions?: { body: string }[];
  comments?: PostView[];
}
interface QuestionView extends PostView {
  title: string;
  answerCount: number;
  closedReason: string | null;
  closedNote: string | null;
  closedAt: string | null;
  isLocked: boolean;
  viewerCanAnswer: boolean;
  duplicateOf: { id: string; title: string } | null;
  answers: PostView[];
}
interface QueueItem {
  postId: string;
  kind: string;
  excerpt: string;
  visibility: string;
  flagWeight: number;
  reviewRequested: boolean;
  question: { id: string };
  author: { displayName: string };
  community: { slug: string };
  flags: { reason: string; note: string | null; status: string; flagger: { displayName: string } | null }[];
}
interface LogEntry {
  id: string;
  action: string;
  subjectKind: string;
  subjectId: string;
  reason: string | null;
  createdAt: string;
  actor: { displayName: string } | null;
  question: { id: string } | null;
  subjectUser: { displayName: string } | null;
  community: { slug: string } | null;
}

describe('moderation', () => {
  let t: TestApp;
  let communityId: string;
  let siteModerator: Person;
  let moderator: Person;
  let admin: Person;
  let author: Person;
  let asker: Person;
  let bystander: Person;
  let flaggerA: Person;
  let flaggerB: Person;
  let flaggerC: Person;

  const view = async (id: string, who?: Person): Promise<QuestionView> => {
    const result = await t.gql<{ question: QuestionView }>(QUESTION, { id }, who);
    expect(result.errors).toBeUndefined();
    return result.data!.question;
  };
  const answerIn = (q: QuestionView, id: string) => q.answers.find((a) => a.id === id) as PostView;
  const ok = <T,>(result: GraphQLResponse<T>): T => {
    expect(result.errors).toBeUndefined();
    return result.data as T;
  };
  const flag = (who: Person | undefined, postId: string, reason = 'SPAM', note?: string) => t.gql(FLAG, { input: { postId, reason, note } }, who);
  const logOf = async (subjectId: string): Promise<LogEntry[]> => {
    const result = await t.gql<{ moderationLog: { entries: LogEntry[] } }>(LOG, { slug: null, first: 100 }, siteModerator);
    return ok(result).moderationLog.entries.filter((e) => e.subjectId === subjectId);
  };
  const flagRows = async (postId: string) =>
    (await t.db.query(`SELECT f.status, f.weight::float AS weight, u.display_name AS flagger FROM flags f JOIN users u ON u.id = f.flagger_id WHERE post_id = $1 ORDER BY f.created_at`, [
      postId,
    ])) as { status: string; weight: number; flagger: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    ({ communityId, moderator: siteModerator } = await createCommunity(t, SLUG));
    moderator = await signUp(t, 'Community Moderator');
    await t.db.query('INSERT INTO community_moderators (community_id, user_id) VALUES ($1, $2)', [communityId, moderator.id]);
    admin = await signUp(t, 'Site Admin');
    await grantRole(t, admin.id, 'ADMIN');
    author = await signUp(t, 'Post Author');
    asker = await signUp(t, 'Asker');
    bystander = await signUp(t, 'Bystander');
    flaggerA = await signUp(t, 'Flagger A');
    flaggerB = await signUp(t, 'Flagger B');
    flaggerC = await signUp(t, 'Flagger C');
    // Established members: a flag from an account younger than a day weighs half.
    await t.db.query(`UPDATE users SET created_at = now() - interval '30 days'`);
  });
  afterAll(() => t.close());

  describe('flags hide a post, a moderator deletes it from the queue', () => {
    let questionId: string;
    let spamId: string;

    beforeAll(async () => {
      questionId = await askQuestion(t, asker, communityId, { title: 'Which form declares a parish council seat?' });
      spamId = await answerQuestion(t, author, questionId, 'Cheap followers at example.com, buy now!');
    });

    it('counts one flag without hiding the post, and says so to the flagger', async () => {
      expect(ok(await flag(flaggerA, spamId))).toEqual({ flagPost: true });
      expect(await flagRows(spamId)).toEqual([{ status: 'PENDING', weight: 1, flagger: 'Flagger A' }]);
      const seen = answerIn(await view(questionId, flaggerA), spamId);
      expect(seen.body).toBe('Cheap followers at example.com, buy now!');
      expect(seen.moderation).toMatchObject({ visibility: 'VISIBLE', viewerHasFlagged: true, viewerCanFlag: false });
      expect(answerIn(await view(questionId, bystander), spamId).moderation).toMatchObject({ viewerHasFlagged: false, viewerCanFlag: true });
    });

    it('refuses a second flag from the same person, a flag on your own post, OTHER without a note, and anonymous flags', async () => {
      expect(errorOf(await flag(flaggerA, spamId, 'ABUSIVE'))).toMatchObject({ code: 'BAD_USER_INPUT', message: 'You have already flagged this.' });
      expect(errorOf(await flag(author, spamId))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('your own answer') });
      expect(errorOf(await flag(flaggerB, spamId, 'OTHER'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
      expect(errorOf(await flag(flaggerB, spamId, 'OTHER', '   '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'note' });
      expect(errorOf(await flag(undefined, spamId)).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await flag(flaggerB, '00000000-0000-4000-8000-000000000000'))).toMatchObject({ code: 'NOT_FOUND', field: 'postId' });
      expect(await flagRows(spamId)).toHaveLength(1);
    });

    it('hides the post once a second member flags it: shown to its author and moderators only, the author told why', async () => {
      expect(ok(await flag(flaggerB, spamId))).toEqual({ flagPost: true });

      for (const who of [bystander, flaggerC, undefined]) {
        const seen = answerIn(await view(questionId, who), spamId);
        expect(seen.body).toBe('');
        expect(seen.revisions).toEqual([]);
        expect(seen.moderation).toMatchObject({ visibility: 'HIDDEN', removalReason: null, viewerCanFlag: false, reviewRequested: false });
      }
      const ownView = answerIn(await view(questionId, author), spamId);
      expect(ownView.body).toBe('Cheap followers at example.com, buy now!');
      expect(ownView.moderation).toMatchObject({ visibility: 'HIDDEN', removalReason: 'hidden after flags from the community: spam', viewerCanEdit: true, viewerCanDelete: true });
      const moderatorView = answerIn(await view(questionId, moderator), spamId);
      expect(moderatorView.body).toBe('Cheap followers at example.com, buy now!');
      expect(moderatorView.moderation).toMatchObject({ visibility: 'HIDDEN', viewerCanModerate: true });
      expect((await view(questionId, bystander)).answerCount).toBe(0);

      const [entry] = await logOf(spamId);
      expect(entry).toMatchObject({ action: 'FLAG_HIDE', actor: null, subjectKind: 'ANSWER', question: { id: questionId }, subjectUser: { displayName: 'Post Author' } });

      const bell = await t.gql<{ me: { notifications: { kind: string; message: string; url: string }[] } }>('{ me { notifications { kind message url } } }', {}, author);
      const notice = ok(bell).me.notifications.find((n) => n.kind === 'POST_HIDDEN');
      expect(notice?.message).toContain('hidden after members flagged it as spam');
      expect(notice?.url).toContain(`/q/${questionId}#a-${spamId}`);
      expect(notice?.message).not.toMatch(/Flagger/);
    });

    it('refuses flags and votes on a hidden post', async () => {
      expect(errorOf(await flag(flaggerC, spamId))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('hidden') });
      expect(errorOf(await t.gql(VOTE, { input: { postId: spamId, value: 'UP' } }, bystander))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('hidden') });
      expect(await flagRows(spamId)).toHaveLength(2);
    });

    it("lists it in the community's queue with its flags and their weight; flaggers' names for moderators only", async () => {
      const queue = await t.gql<{ moderationQueue: QueueItem[] }>(QUEUE, { slug: SLUG }, moderator);
      const item = ok(queue).moderationQueue.find((p) => p.postId === spamId);
      expect(item).toMatchObject({
        kind: 'ANSWER',
        excerpt: 'Cheap followers at example.com, buy now!',
        visibility: 'HIDDEN',
        flagWeight: 2,
        reviewRequested: false,
        question: { id: questionId },
        author: { displayName: 'Post Author' },
        community: { slug: SLUG },
      });
      expect(item?.flags).toEqual([
        { reason: 'SPAM', note: null, status: 'PENDING', flagger: { displayName: 'Flagger A' } },
        { reason: 'SPAM', note: null, status: 'PENDING', flagger: { displayName: 'Flagger B' } },
      ]);
      const siteWide = await t.gql<{ moderationQueue: QueueItem[] }>(QUEUE, { slug: null }, siteModerator);
      expect(ok(siteWide).moderationQueue.map((p) => p.postId)).toContain(spamId);
    });

    it('deletes it from the queue: a tombstone for everyone, flags upheld, an entry in the log', async () => {
      expect(ok(await t.gql(RESOLVE, { input: { postId: spamId, outcome: 'DELETE' } }, moderator))).toEqual({ resolveFlags: true });
      for (const who of [bystander, undefined]) {
        const seen = answerIn(await view(questionId, who), spamId);
        expect(seen.body).toBe('');
        expect(seen.moderation).toMatchObject({ visibility: 'DELETED', removalReason: 'removed by a moderator: spam' });
      }
      expect(answerIn(await view(questionId, moderator), spamId).body).toBe('Cheap followers at example.com, buy now!');
      expect((await flagRows(spamId)).map((f) => f.status)).toEqual(['UPHELD', 'UPHELD']);
      expect((await logOf(spamId)).map((e) => [e.action, e.actor?.displayName ?? null, e.reason])).toEqual([
        ['DELETE', 'Community Moderator', 'spam'],
        ['FLAG_HIDE', null, 'spam'],
      ]);
      const queue = await t.gql<{ moderationQueue: QueueItem[] }>(QUEUE, { slug: SLUG }, moderator);
      expect(ok(queue).moderationQueue.map((p) => p.postId)).not.toContain(spamId);
      expect(errorOf(await t.gql(RESOLVE, { input: { postId: spamId, outcome: 'DISMISS' } }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('dismissed flags', () => {
    let questionId: string;

    beforeAll(async () => {
      questionId = await askQuestion(t, asker, communityId, { title: 'Can I criticise a council decision on a parish blog?' });
    });

    it('shows the post again and lowers the flaggers’ standing, so their later flags weigh less', async () => {
      const fineId = await answerQuestion(t, author, questionId, 'Yes, if you declare the interest first.');
      ok(await flag(flaggerA, fineId, 'ABUSIVE'));
      ok(await flag(flaggerB, fineId, 'ABUSIVE'));
      expect(answerIn(await view(questionId, bystander), fineId).moderation.visibility).toBe('HIDDEN');

      ok(await t.gql(RESOLVE, { input: { postId: fineId, outcome: 'DISMISS', reason: 'Not abusive' } }, moderator));
      const seen = answerIn(await view(questionId, bystander), fineId);
      expect(seen.body).toBe('Yes, if you declare the interest first.');
      expect(seen.moderation.visibility).toBe('VISIBLE');
      expect((await flagRows(fineId)).map((f) => f.status)).toEqual(['DISMISSED', 'DISMISSED']);
      expect((await logOf(fineId)).map((e) => e.action)).toEqual(['DISMISS_FLAGS', 'FLAG_HIDE']);

      // One flag upheld (+0.25) and one dismissed (-0.5): 0.75 each, so two no longer hide a post.
      const nextId = await answerQuestion(t, author, questionId, 'Another perfectly fine answer.');
      ok(await flag(flaggerA, nextId));
      ok(await flag(flaggerB, nextId));
      expect((await flagRows(nextId)).map((f) => f.weight)).toEqual([0.75, 0.75]);
      expect(answerIn(await view(questionId, bystander), nextId).moderation.visibility).toBe('VISIBLE');
      const queue = await t.gql<{ moderationQueue: QueueItem[] }>(QUEUE, { slug: SLUG }, moderator);
      expect(ok(queue).moderationQueue.find((p) => p.postId === nextId)?.flagWeight).toBe(1.5);
    });

    it('weighs a flag from an account younger than a day half, and a moderator’s flag as the whole threshold', async () => {
      const newcomer = await signUp(t, 'Newcomer');
      const postId = await answerQuestion(t, author, questionId, 'An answer a newcomer dislikes.');
      ok(await flag(newcomer, postId, 'OFF_TOPIC'));
      expect((await flagRows(postId)).map((f) => f.weight)).toEqual([0.5]);
      ok(await flag(moderator, postId, 'OFF_TOPIC'));
      expect((await flagRows(postId)).map((f) => f.weight)).toEqual([0.5, 2]);
      expect(answerIn(await view(questionId, bystander), postId).moderation.visibility).toBe('HIDDEN');
    });
  });

  describe('the author edits a hidden post', () => {
    it('asks for review: the post goes to the top of the queue, and dismissing shows it again', async () => {
      const questionId = await askQuestion(t, asker, communityId, { title: 'How do I declare being a school governor?' });
      const postId = await answerQuestion(t, author, questionId, 'Shouting in capitals about governors.');
      ok(await flag(moderator, postId, 'NEEDS_IMPROVEMENT'));
      ok(await t.gql(RESOLVE, { input: { postId, outcome: 'HIDE', reason: 'please rewrite it calmly' } }, moderator));
      expect(answerIn(await view(questionId, author), postId).moderation).toMatchObject({
        visibility: 'HIDDEN',
        removalReason: 'hidden by a moderator: please rewrite it calmly',
        reviewRequested: false,
      });

      ok(await t.gql(EDIT_ANSWER, { input: { answerId: postId, body: 'Declare it on the interests form.' } }, author));
      expect(answerIn(await view(questionId, author), postId).moderation.reviewRequested).toBe(true);
      expect(answerIn(await view(questionId, bystander), postId).moderation.reviewRequested).toBe(false);
      const queue = await t.gql<{ moderationQueue: QueueItem[] }>(QUEUE, { slug: SLUG }, moderator);
      expect(ok(queue).moderationQueue[0]).toMatchObject({ postId, reviewRequested: true, flagWeight: 0, flags: [{ status: 'UPHELD' }] });

      ok(await t.gql(RESOLVE, { input: { postId, outcome: 'DISMISS' } }, moderator));
      const seen = answerIn(await view(questionId, bystander), postId);
      expect(seen).toMatchObject({ body: 'Declare it on the interests form.', moderation: { visibility: 'VISIBLE', reviewRequested: false } });
    });
  });

  describe('hiding, deleting and restoring', () => {
    let questionId: string;

    beforeAll(async () => {
      questionId = await askQuestion(t, author, communityId, { title: 'A question its author will regret asking', body: 'Regrettable body' });
    });

    it('lets an author delete their own post (a tombstone "deleted by its author"), and only a moderator restore it', async () => {
      const commentId = (ok(await t.gql<{ addComment: { id: string } }>(COMMENT, { input: { postId: questionId, body: 'Second thoughts.' } }, author)) as { addComment: { id: string } })
        .addComment.id;
      expect(errorOf(await t.gql(DELETE, { input: { postId: commentId } }, bystander))).toMatchObject({ code: 'FORBIDDEN' });
      ok(await t.gql(DELETE, { input: { postId: commentId } }, author));
      const comment = (await view(questionId, bystander)).comments!.find((c) => c.id === commentId)!;
      expect(comment).toMatchObject({ body: '', moderation: { visibility: 'DELETED', removalReason: 'deleted by its author', viewerCanDelete: false } });
      expect(errorOf(await t.gql(DELETE, { input: { postId: commentId } }, author))).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((await logOf(commentId)).map((e) => [e.action, e.actor?.displayName])).toEqual([['OWN_DELETE', 'Post Author']]);

      expect(errorOf(await t.gql(RESTORE, { id: commentId }, author))).toMatchObject({ code: 'FORBIDDEN' });
      ok(await t.gql(RESTORE, { id: commentId }, moderator));
      expect((await view(questionId, bystander)).comments!.find((c) => c.id === commentId)).toMatchObject({ body: 'Second thoughts.', moderation: { visibility: 'VISIBLE' } });
      expect(errorOf(await t.gql(RESTORE, { id: commentId }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it("hides a question with a moderator's reason: others read a tombstone titled [removed] that still resolves", async () => {
      expect(errorOf(await t.gql(HIDE, { input: { postId: questionId } }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      ok(await t.gql(HIDE, { input: { postId: questionId, reason: 'personal data' } }, moderator));
      const seen = await view(questionId, bystander);
      expect(seen).toMatchObject({ title: '[removed]', body: '', revisions: [], moderation: { visibility: 'HIDDEN', removalReason: null } });
      expect(seen.viewerCanAnswer).toBe(false);
      expect(errorOf(await t.gql(ANSWER, { input: { questionId, body: 'An answer' } }, bystander))).toMatchObject({ code: 'FORBIDDEN' });
      expect(await view(questionId, author)).toMatchObject({ title: 'A question its author will regret asking', body: 'Regrettable body', moderation: { removalReason: 'hidden by a moderator: personal data' } });
      expect(errorOf(await t.gql(HIDE, { input: { postId: questionId, reason: 'again' } }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT' });

      ok(await t.gql(RESTORE, { id: questionId }, moderator));
      expect(await view(questionId, bystander)).toMatchObject({ title: 'A question its author will regret asking', moderation: { visibility: 'VISIBLE' } });
      expect((await logOf(questionId)).map((e) => e.action)).toEqual(['RESTORE', 'HIDE']);
    });

    it("deletes someone else's post as a moderator only with a reason", async () => {
      const answerId = await answerQuestion(t, bystander, questionId, 'Off-topic musings.');
      expect(errorOf(await t.gql(DELETE, { input: { postId: answerId } }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      ok(await t.gql(DELETE, { input: { postId: answerId, reason: 'off-topic' } }, moderator));
      expect(answerIn(await view(questionId, author), answerId).moderation).toMatchObject({ visibility: 'DELETED', removalReason: 'removed by a moderator: off-topic' });
      expect(errorOf(await t.gql(VOTE, { input: { postId: answerId, value: 'UP' } }, author))).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('removed') });
    });
  });

  describe('flags on a post its author deleted meanwhile', () => {
    it('are settled without hiding what is already a tombstone', async () => {
      const questionId = await askQuestion(t, asker, communityId, { title: 'A question with a regretted answer' });
      const answerId = await answerQuestion(t, author, questionId, 'Soon regretted.');
      ok(await flag(flaggerC, answerId, 'OFF_TOPIC'));
      ok(await t.gql(DELETE, { input: { postId: answerId } }, author));
      expect(errorOf(await t.gql(RESOLVE, { input: { postId: answerId, outcome: 'HIDE' } }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'outcome' });
      ok(await t.gql(RESOLVE, { input: { postId: answerId, outcome: 'DISMISS' } }, moderator));
      expect(answerIn(await view(questionId, bystander), answerId).moderation).toMatchObject({ visibility: 'DELETED', removalReason: 'deleted by its author' });
      expect((await flagRows(answerId)).map((f) => f.status)).toEqual(['DISMISSED']);
    });
  });

  describe('closing and locking questions', () => {
    let targetId: string;
    let duplicateId: string;
    let hiddenId: string;

    beforeAll(async () => {
      targetId = await askQuestion(t, asker, communityId, { title: 'Declaring outside interests to a line manager' });
      duplicateId = await askQuestion(t, author, communityId, { title: 'How do I declare an outside interest?' });
      hiddenId = await askQuestion(t, author, communityId, { title: 'A hidden question about interests' });
      ok(await t.gql(HIDE, { input: { postId: hiddenId, reason: 'spam' } }, moderator));
    });

    it('refuses a duplicate without another existing, visible question', async () => {
      const close = (duplicateOfId?: string, reason = 'DUPLICATE') => t.gql(CLOSE, { input: { questionId: duplicateId, reason, duplicateOfId } }, moderator);
      for (const target of [undefined, duplicateId, hiddenId, '00000000-0000-4000-8000-000000000000', 'nonsense']) {
        expect(errorOf(await close(target))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateOfId' });
      }
      expect(errorOf(await close(targetId, 'OFF_TOPIC'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'duplicateOfId' });
      expect(errorOf(await t.gql(CLOSE, { input: { questionId: duplicateId, reason: 'OFF_TOPIC' } }, bystander)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(CLOSE, { input: { questionId: duplicateId, reason: 'OFF_TOPIC' } })).code).toBe('UNAUTHENTICATED');
      expect((await view(duplicateId, bystander)).closedReason).toBeNull();
    });

    it('closes as a duplicate: banner data for everyone, no new answers, then reopens', async () => {
      const closed = await t.gql<{ closeQuestion: QuestionView }>(CLOSE, { input: { questionId: duplicateId, reason: 'DUPLICATE', duplicateOfId: targetId, note: 'Same question' } }, moderator);
      expect(ok(closed).closeQuestion).toMatchObject({ closedReason: 'DUPLICATE', closedNote: 'Same question', duplicateOf: { id: targetId, title: 'Declaring outside interests to a line manager' } });
      const seen = await view(duplicateId, bystander);
      expect(seen).toMatchObject({ closedReason: 'DUPLICATE', viewerCanAnswer: false, duplicateOf: { id: targetId } });
      expect(Date.parse(seen.closedAt as string)).not.toBeNaN();
      expect(errorOf(await t.gql(ANSWER, { input: { questionId: duplicateId, body: 'Late answer' } }, bystander))).toMatchObject({
        code: 'FORBIDDEN',
        message: expect.stringContaining('closed'),
      });
      expect((await t.gql(COMMENT, { input: { postId: duplicateId, body: 'Thanks for the pointer.' } }, bystander)).errors).toBeUndefined();
      expect(errorOf(await t.gql(CLOSE, { input: { questionId: duplicateId, reason: 'OFF_TOPIC' } }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT' });

      expect(errorOf(await t.gql(REOPEN, { id: duplicateId }, bystander)).code).toBe('FORBIDDEN');
      const reopened = await t.gql<{ reopenQuestion: QuestionView }>(REOPEN, { id: duplicateId }, moderator);
      expect(ok(reopened).reopenQuestion).toMatchObject({ closedReason: null, closedAt: null, duplicateOf: null });
      expect((await view(duplicateId, bystander)).viewerCanAnswer).toBe(true);
      expect((await t.gql(ANSWER, { input: { questionId: duplicateId, body: 'Now it takes answers' } }, bystander)).errors).toBeUndefined();
      expect(errorOf(await t.gql(REOPEN, { id: duplicateId }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect((await logOf(duplicateId)).map((e) => [e.action, e.reason])).toEqual([
        ['REOPEN', null],
        ['CLOSE', `duplicate of ${targetId}: Same question`],
      ]);
    });

    it('locks a question: no new answers or comments, on it or its answers, until unlocked', async () => {
      const answerId = await answerQuestion(t, bystander, targetId, 'Use the form.');
      expect(errorOf(await t.gql(LOCK, { input: { postId: answerId } }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'postId' });
      expect(errorOf(await t.gql(LOCK, { input: { postId: targetId } }, bystander)).code).toBe('FORBIDDEN');
      const locked = await t.gql<{ lockQuestion: QuestionView }>(LOCK, { input: { postId: targetId, reason: 'heated' } }, moderator);
      expect(ok(locked).lockQuestion).toMatchObject({ isLocked: true, viewerCanAnswer: false });

      const locked_ = 'This question is locked: it takes no new answers or comments.';
      expect(errorOf(await t.gql(ANSWER, { input: { questionId: targetId, body: 'More' } }, flaggerC))).toMatchObject({ code: 'FORBIDDEN', message: locked_ });
      expect(errorOf(await t.gql(COMMENT, { input: { postId: targetId, body: 'More' } }, flaggerC))).toMatchObject({ code: 'FORBIDDEN', message: locked_ });
      expect(errorOf(await t.gql(COMMENT, { input: { postId: answerId, body: 'More' } }, flaggerC))).toMatchObject({ code: 'FORBIDDEN', message: locked_ });

      expect(errorOf(await t.gql(UNLOCK, { id: targetId }, bystander)).code).toBe('FORBIDDEN');
      expect(ok(await t.gql(UNLOCK, { id: targetId }, moderator))).toEqual({ unlockQuestion: { id: targetId, isLocked: false } });
      expect((await t.gql(COMMENT, { input: { postId: answerId, body: 'Thanks' } }, flaggerC)).errors).toBeUndefined();
      expect((await logOf(targetId)).map((e) => [e.action, e.reason])).toEqual([
        ['UNLOCK', null],
        ['LOCK', 'heated'],
      ]);
    });
  });

  describe('suspensions', () => {
    let member: Person & { email: string };
    let questionId: string;

    beforeAll(async () => {
      member = await signUp(t, 'Suspended Member');
      questionId = await askQuestion(t, asker, communityId, { title: 'A question a suspended member can read' });
    });

    it('refuses anyone but site staff, and bad input', async () => {
      const input = { userId: member.id, days: 7, reason: 'Repeated spam' };
      expect(errorOf(await t.gql(SUSPEND, { input }, moderator)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(SUSPEND, { input }, bystander)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(SUSPEND, { input })).code).toBe('UNAUTHENTICATED');
      expect(errorOf(await t.gql(SUSPEND, { input: { ...input, days: 0 } }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
      expect(errorOf(await t.gql(SUSPEND, { input: { ...input, days: 366 } }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'days' });
      expect(errorOf(await t.gql(SUSPEND, { input: { ...input, reason: ' ' } }, admin))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
      expect(errorOf(await t.gql(SUSPEND, { input: { ...input, userId: admin.id } }, siteModerator)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(SUSPEND, { input: { ...input, userId: '00000000-0000-4000-8000-000000000000' } }, admin)).code).toBe('NOT_FOUND');
      expect(errorOf(await t.gql(UNSUSPEND, { id: member.id }, admin))).toMatchObject({ code: 'BAD_USER_INPUT' });
      const [row] = (await t.db.query('SELECT suspended_until FROM users WHERE id = $1', [member.id])) as { suspended_until: Date | null }[];
      expect(row.suspended_until).toBeNull();
    });

    it('ends every session; signed in again the member reads but cannot ask, answer, comment, vote or flag', async () => {
      const suspended = await t.gql<{ suspendMember: { suspendedUntil: string } }>(SUSPEND, { input: { userId: member.id, days: 7, reason: 'Repeated spam' } }, admin);
      const until = Date.parse(ok(suspended).suspendMember.suspendedUntil);
      expect(until).toBeGreaterThan(Date.now() + 6.9 * 24 * 3600 * 1000);
      expect((await t.db.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [member.id]))[0].n).toBe(0);
      expect(errorOf(await t.gql(COMMENT, { input: { postId: questionId, body: 'Still here?' } }, member)).code).toBe('UNAUTHENTICATED');

      const signIn = await t.gql<{ signIn: { token: string } }>('mutation($input: SignInInput!) { signIn(input: $input) { token } }', {
        input: { email: member.email, password: 'correct horse battery' },
      });
      const again = { token: ok(signIn).signIn.token, id: member.id };
      expect((await view(questionId, again)).title).toBe('A question a suspended member can read');
      const me = await t.gql<{ user: { suspendedUntil: string | null } }>('query($id: ID!) { user(id: $id) { suspendedUntil } }', { id: member.id }, again);
      expect(ok(me).user.suspendedUntil).not.toBeNull();
      const others = await t.gql<{ user: { suspendedUntil: string | null } }>('query($id: ID!) { user(id: $id) { suspendedUntil } }', { id: member.id }, bystander);
      expect(ok(others).user.suspendedUntil).toBeNull();

      const answerId = await answerQuestion(t, bystander, questionId, 'An answer to vote on.');
      const before = (await t.db.query('SELECT (SELECT count(*) FROM questions) + (SELECT count(*) FROM answers) + (SELECT count(*) FROM comments) + (SELECT count(*) FROM votes) + (SELECT count(*) FROM flags) AS n'))[0].n;
      const writes = [
        t.gql('mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }', { input: { communityId, title: 'A question while suspended', body: 'Body', tags: ['x'] } }, again),
        t.gql(ANSWER, { input: { questionId, body: 'Answer while suspended' } }, again),
        t.gql(COMMENT, { input: { postId: questionId, body: 'Comment while suspended' } }, again),
        t.gql(VOTE, { input: { postId: answerId, value: 'UP' } }, again),
        flag(again, answerId),
      ];
      for (const result of await Promise.all(writes)) expect(errorOf(result)).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('suspended') });
      expect((await t.db.query('SELECT (SELECT count(*) FROM questions) + (SELECT count(*) FROM answers) + (SELECT count(*) FROM comments) + (SELECT count(*) FROM votes) + (SELECT count(*) FROM flags) AS n'))[0].n).toBe(before);

      const lifted = await t.gql<{ unsuspendMember: { suspendedUntil: string | null } }>(UNSUSPEND, { id: member.id }, admin);
      expect(ok(lifted).unsuspendMember.suspendedUntil).toBeNull();
      expect((await t.gql(COMMENT, { input: { postId: questionId, body: 'Back again.' } }, again)).errors).toBeUndefined();
      expect((await logOf(member.id)).map((e) => [e.action, e.subjectKind, e.subjectUser?.displayName, e.reason, e.community])).toEqual([
        ['UNSUSPEND', 'USER', 'Suspended Member', null, null],
        ['SUSPEND', 'USER', 'Suspended Member', 'Repeated spam (7 days)', null],
      ]);
    });
  });

  describe('who may moderate', () => {
    let questionId: string;
    let answerId: string;

    beforeAll(async () => {
      questionId = await askQuestion(t, asker, communityId, { title: 'A question nobody may moderate but moderators' });
      answerId = await answerQuestion(t, author, questionId, 'An answer with a flag on it.');
      ok(await flag(flaggerC, answerId));
    });

    const operations: [string, string, () => Record<string, unknown>][] = [
      ['resolveFlags', RESOLVE, () => ({ input: { postId: answerId, outcome: 'DELETE', reason: 'spam' } })],
      ['hidePost', HIDE, () => ({ input: { postId: answerId, reason: 'spam' } })],
      ['deletePost', DELETE, () => ({ input: { postId: answerId, reason: 'spam' } })],
      ['restorePost', RESTORE, () => ({ id: answerId })],
      ['closeQuestion', CLOSE, () => ({ input: { questionId, reason: 'OFF_TOPIC' } })],
      ['reopenQuestion', REOPEN, () => ({ id: questionId })],
      ['lockQuestion', LOCK, () => ({ input: { postId: questionId } })],
      ['unlockQuestion', UNLOCK, () => ({ id: questionId })],
      ['suspendMember', SUSPEND, () => ({ input: { userId: author.id, days: 1, reason: 'spam' } })],
      ['unsuspendMember', UNSUSPEND, () => ({ id: author.id })],
      ['moderationQueue', QUEUE, () => ({ slug: SLUG })],
      ['moderationLog', LOG, () => ({ slug: SLUG })],
    ];

    it.each(operations)('refuses %s to members (FORBIDDEN) and to anonymous visitors (UNAUTHENTICATED), changing nothing', async (_name, operation, variables) => {
      const snapshot = () =>
        t.db.query(
          `SELECT (SELECT count(*) FROM moderation_log) AS log, (SELECT count(*) FROM flags WHERE status = 'PENDING') AS pending,
                  (SELECT row(hidden_at, deleted_at, closed_at, locked_at)::text FROM questions WHERE id = $1) AS question,
                  (SELECT row(hidden_at, deleted_at)::text FROM answers WHERE id = $2) AS answer,
                  (SELECT suspended_until FROM users WHERE id = $3) AS suspended`,
          [questionId, answerId, author.id],
        );
      const before = await snapshot();
      // The asker owns the question but not the answer: owning a post is no right to moderate it.
      expect(errorOf(await t.gql(operation, variables(), bystander)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(operation, variables(), asker)).code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(operation, variables())).code).toBe('UNAUTHENTICATED');
      expect(await snapshot()).toEqual(before);
    });

    it("refuses a community's moderator the site-wide queue and log, and other communities'", async () => {
      await createCommunity(t, 'another-community');
      for (const [query, variables] of [
        [QUEUE, { slug: null }],
        [LOG, { slug: null }],
        [QUEUE, { slug: 'another-community' }],
        [LOG, { slug: 'another-community' }],
      ] as const) {
        expect(errorOf(await t.gql(query, variables, moderator)).code).toBe('FORBIDDEN');
      }
      expect(errorOf(await t.gql(QUEUE, { slug: 'no-such-community' }, moderator)).code).toBe('NOT_FOUND');
    });
  });

  describe('the moderation log', () => {
    it('pages newest first with a cursor, per community or site-wide', async () => {
      const all = await t.gql<{ moderationLog: { entries: LogEntry[]; nextCursor: string | null } }>(LOG, { slug: SLUG, first: 100 }, moderator);
      const entries = ok(all).moderationLog.entries;
      expect(entries.length).toBeGreaterThan(5);
      expect(entries.every((e) => e.community?.slug === SLUG)).toBe(true);
      const times = entries.map((e) => Date.parse(e.createdAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);

      const pages: LogEntry[] = [];
      let after: string | null = null;
      do {
        const page: GraphQLResponse<{ moderationLog: { entries: LogEntry[]; nextCursor: string | null } }> = await t.gql(LOG, { slug: SLUG, first: 2, after }, moderator);
        pages.push(...ok(page).moderationLog.entries);
        after = page.data!.moderationLog.nextCursor;
      } while (after);
      expect(pages.map((e) => e.id)).toEqual(entries.map((e) => e.id));

      const siteWide = await t.gql<{ moderationLog: { entries: LogEntry[] } }>(LOG, { slug: null, first: 100 }, admin);
      expect(ok(siteWide).moderationLog.entries.some((e) => e.subjectKind === 'USER')).toBe(true);
      expect(errorOf(await t.gql(LOG, { slug: SLUG, first: 101 }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
      expect(errorOf(await t.gql(LOG, { slug: SLUG, after: 'garbage' }, moderator))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    });

    it('refuses UPDATE and DELETE at the database', async () => {
      await expect(t.db.query(`UPDATE moderation_log SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
      await expect(t.db.query('DELETE FROM moderation_log')).rejects.toThrow(/append-only/);
    });
  });
});

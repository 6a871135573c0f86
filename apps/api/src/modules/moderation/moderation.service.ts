import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { checkPageSize, decodeCursor, encodeCursor } from '../../common/pagination.js';
import type { Viewer } from '../../common/request-context.js';
import { authorize } from '../access/access.exception.js';
import { can, type PostSubject } from '../access/access.policy.js';
import { AccountsService } from '../accounts/accounts.service.js';
import type { UserEntity } from '../accounts/user.entity.js';
import type { AnswerEntity } from '../answers/answer.entity.js';
import { AnswersService } from '../answers/answers.service.js';
import type { CommentEntity } from '../comments/comment.entity.js';
import { CommentsService } from '../comments/comments.service.js';
import { CommunitiesService } from '../communities/communities.service.js';
import { NotificationKind } from '../notifications/notification-kind.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CloseReason, type QuestionEntity } from '../questions/question.entity.js';
import { QuestionsService } from '../questions/questions.service.js';
import type { CloseQuestionInput, FlagPostInput, ModeratePostInput, ResolveFlagsInput, SuspendMemberInput } from './dto/moderation.input.js';
import { appendModerationLog, type ModerationAction } from './moderation-log.js';
import { ModerationException, ModerationExceptionCode } from './moderation.exception.js';
import { FlagOutcome, FlagReason, FlagStatus, PostKind, type FlagModel, type FlaggedPostModel, type ModerationLogEntryModel } from './moderation.model.js';
import { answerSubject, commentSubject, isRemoved, questionSubject, removalStateOf, visibilityOf, type RemovalState } from './post-state.js';
import { flagWeight, reachesThreshold } from './standing.js';

/** A question, answer or comment under moderation, with the question it belongs to. */
interface ModeratedPost {
  kind: PostKind;
  id: string;
  authorId: string;
  body: string;
  question: QuestionEntity;
  answer: AnswerEntity | null;
  comment: CommentEntity | null;
  state: RemovalState;
  subject: PostSubject;
}

interface FlagRow {
  id: string;
  postId: string;
  postKind: PostKind;
  communityId: string;
  flaggerId: string;
  reason: FlagReason;
  note: string | null;
  weight: string;
  status: FlagStatus;
  createdAt: Date;
}

interface LogRow {
  id: string;
  communityId: string | null;
  actorId: string | null;
  action: string;
  subjectKind: string;
  subjectId: string;
  reason: string | null;
  createdAt: Date;
}

/** How a flag reason reads on a tombstone and in the author's notification. */
const REASON_WORDS: Record<FlagReason, string> = {
  [FlagReason.SPAM]: 'spam',
  [FlagReason.ABUSIVE]: 'abusive',
  [FlagReason.OFF_TOPIC]: 'off-topic',
  [FlagReason.DUPLICATE]: 'a duplicate',
  [FlagReason.NEEDS_IMPROVEMENT]: 'needs improvement',
  [FlagReason.OTHER]: 'other',
};

const CLOSE_WORDS: Record<CloseReason, string> = {
  [CloseReason.DUPLICATE]: 'duplicate',
  [CloseReason.OFF_TOPIC]: 'off-topic',
  [CloseReason.NEEDS_DETAILS]: 'needs details',
};

const OWN_DELETE_REASON = 'deleted by its author';
const QUEUE_LIMIT = 200;
const EXCERPT_LENGTH = 280;

const FLAG_COLUMNS = `id, post_id AS "postId", post_kind AS "postKind", community_id AS "communityId", flagger_id AS "flaggerId",
  reason, note, weight, status, created_at AS "createdAt"`;

const toFlagModel = (row: FlagRow): FlagModel => ({
  id: row.id,
  reason: row.reason,
  note: row.note,
  status: row.status,
  createdAt: row.createdAt,
  flaggerId: row.flaggerId,
  communityId: row.communityId,
});

/**
 * Flags, the moderation queue, moderators' actions and the append-only log. The post
 * state columns belong to the questions, answers and comments modules: this service
 * decides the next state and asks their services to write it, in one transaction with
 * the flags, the log entry and the author's notification.
 */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
    private readonly comments: CommentsService,
    private readonly communities: CommunitiesService,
    private readonly accounts: AccountsService,
    private readonly notifications: NotificationsService,
  ) {}

  // ---- flags --------------------------------------------------------------------------

  /**
   * Records one member's flag with the weight of their standing. When the pending flags
   * from distinct members reach the threshold, the post is hidden in the same transaction
   * (the post row is locked, so two flags at once cannot both miss it).
   */
  async flag(viewer: Viewer, input: FlagPostInput): Promise<boolean> {
    const note = input.note?.trim() || null;
    if (input.reason === FlagReason.OTHER && !note) {
      throw new ModerationException(ModerationExceptionCode.NOTE_REQUIRED, 'Say what is wrong with this post when the reason is "other".', { field: 'note' });
    }
    return this.db.transaction(async (tx) => {
      const post = await this.locate(tx, input.postId);
      authorize(viewer, 'flag', post.subject);
      const weight = await this.weightOf(tx, viewer, post.question.communityId);
      const inserted = (await tx.query(
        `INSERT INTO flags (post_kind, post_id, community_id, flagger_id, reason, note, weight)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (post_id, flagger_id) DO NOTHING RETURNING id`,
        [post.kind, post.id, post.question.communityId, viewer.id, input.reason, note, weight],
      )) as { id: string }[];
      if (!inserted.length) throw new ModerationException(ModerationExceptionCode.ALREADY_FLAGGED, 'You have already flagged this.', { field: 'postId' });

      const pending = await this.pendingFlags(tx, post.id);
      if (!isRemoved(post.state) && reachesThreshold(pending.map((f) => Number(f.weight)))) {
        const words = REASON_WORDS[leadingReason(pending)];
        await this.writeRemoval(tx, post, { ...post.state, hiddenAt: new Date(), removalReason: `hidden after flags from the community: ${words}`, reviewRequestedAt: null });
        await this.record(tx, post, null, 'FLAG_HIDE', words);
        await this.tellAuthor(tx, post, NotificationKind.POST_HIDDEN, `was hidden after members flagged it as ${words}. Edit it to ask moderators to look again.`);
      }
      return true;
    });
  }

  /** The weight the viewer's flag carries in this community (see standing.ts). */
  private async weightOf(tx: EntityManager, viewer: Viewer, communityId: string): Promise<number> {
    const moderatesCommunity = can(viewer, 'moderate', { kind: 'community', communityId }).allowed;
    if (moderatesCommunity) return flagWeight({ upheld: 0, dismissed: 0, accountCreatedAt: new Date(0), moderatesCommunity });
    const [history] = (await tx.query(
      `SELECT count(*) FILTER (WHERE status = 'UPHELD')::int AS upheld, count(*) FILTER (WHERE status = 'DISMISSED')::int AS dismissed
         FROM flags WHERE flagger_id = $1`,
      [viewer.id],
    )) as { upheld: number; dismissed: number }[];
    const flagger = await this.accounts.findUser(viewer.id);
    return flagWeight({ ...history, accountCreatedAt: flagger?.createdAt ?? new Date(), moderatesCommunity });
  }

  /** Which of these posts the person has flagged. */
  async flaggedBy(userId: string, postIds: readonly string[]): Promise<Set<string>> {
    const rows = (await this.db.query('SELECT post_id AS "postId" FROM flags WHERE flagger_id = $1 AND post_id = ANY($2::uuid[])', [userId, [...postIds]])) as {
      postId: string;
    }[];
    return new Set(rows.map((r) => r.postId));
  }

  /**
   * A moderator's decision on a flagged (or review-requested) post. Upholding (HIDE or
   * DELETE) marks its pending flags UPHELD and dismissing marks them DISMISSED, which is
   * what the flaggers' standing is computed from; dismissing also shows the post again.
   */
  async resolveFlags(viewer: Viewer, input: ResolveFlagsInput): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const post = await this.locate(tx, input.postId);
      authorize(viewer, 'moderate', post.subject);
      const pending = await this.pendingFlags(tx, post.id);
      if (!pending.length && !post.state.reviewRequestedAt) {
        throw new ModerationException(ModerationExceptionCode.NOTHING_TO_RESOLVE, 'There is nothing waiting for a decision on this post.', { field: 'postId' });
      }
      const given = input.reason?.trim();
      if (input.outcome === FlagOutcome.DISMISS) {
        await this.settleFlags(tx, post.id, FlagStatus.DISMISSED, viewer.id);
        // The community was wrong about it (or its edit fixed it): shown again, unless deleted.
        if (post.state.hiddenAt && !post.state.deletedAt) {
          await this.writeRemoval(tx, post, { ...post.state, hiddenAt: null, removalReason: null, reviewRequestedAt: null });
        } else if (post.state.reviewRequestedAt) {
          await this.writeRemoval(tx, post, { ...post.state, reviewRequestedAt: null });
        }
        await this.record(tx, post, viewer.id, 'DISMISS_FLAGS', given || null);
        return true;
      }
      const reason = given || (pending.length ? REASON_WORDS[leadingReason(pending)] : '');
      if (!reason) throw new ModerationException(ModerationExceptionCode.REASON_REQUIRED, 'Say why the post is removed: it is shown on the tombstone.', { field: 'reason' });
      if (input.outcome === FlagOutcome.HIDE && post.state.deletedAt) {
        throw new ModerationException(ModerationExceptionCode.ALREADY_DONE, 'This post was already deleted: delete or dismiss instead.', { field: 'outcome' });
      }
      if (input.outcome === FlagOutcome.HIDE) await this.hideAs(tx, post, viewer, reason);
      else await this.deleteAs(tx, post, viewer, reason);
      return true;
    });
  }

  // ---- moderators' actions on posts -------------------------------------------------------

  async hide(viewer: Viewer, input: ModeratePostInput): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const post = await this.locate(tx, input.postId);
      authorize(viewer, 'moderate', post.subject);
      if (post.state.deletedAt) throw new ModerationException(ModerationExceptionCode.ALREADY_DONE, 'This post was already deleted.', { field: 'postId' });
      if (post.state.hiddenAt) throw new ModerationException(ModerationExceptionCode.ALREADY_DONE, 'This post is already hidden.', { field: 'postId' });
      await this.hideAs(tx, post, viewer, requireReason(input.reason));
      return true;
    });
  }

  /** Soft deletion, by its author (a plain tombstone) or by a moderator (with a reason). Nothing is erased. */
  async delete(viewer: Viewer, input: ModeratePostInput): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const post = await this.locate(tx, input.postId);
      authorize(viewer, 'delete', post.subject);
      if (post.state.deletedAt) throw new ModerationException(ModerationExceptionCode.ALREADY_DONE, 'This post was already deleted.', { field: 'postId' });
      if (post.authorId === viewer.id) {
        await this.writeRemoval(tx, post, { ...post.state, deletedAt: new Date(), deletedBy: viewer.id, removalReason: OWN_DELETE_REASON, reviewRequestedAt: null });
        await this.record(tx, post, viewer.id, 'OWN_DELETE', null);
      } else {
        await this.deleteAs(tx, post, viewer, requireReason(input.reason));
      }
      return true;
    });
  }

  async restore(viewer: Viewer, postId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const post = await this.locate(tx, postId);
      authorize(viewer, 'moderate', post.subject);
      if (!isRemoved(post.state)) throw new ModerationException(ModerationExceptionCode.ALREADY_DONE, 'This post is neither hidden nor deleted.', { field: 'postId' });
      await this.writeRemoval(tx, post, removalStateOf({}));
      await this.record(tx, post, viewer.id, 'RESTORE', null);
      return true;
    });
  }

  private async hideAs(tx: EntityManager, post: ModeratedPost, viewer: Viewer, reason: string): Promise<void> {
    await this.settleFlags(tx, post.id, FlagStatus.UPHELD, viewer.id);
    const removalReason = `hidden by a moderator: ${reason}`;
    await this.writeRemoval(tx, post, { ...post.state, hiddenAt: post.state.hiddenAt ?? new Date(), removalReason, reviewRequestedAt: null });
    await this.record(tx, post, viewer.id, 'HIDE', reason);
    await this.tellAuthor(tx, post, NotificationKind.POST_HIDDEN, `was ${removalReason}. Edit it to ask moderators to look again.`);
  }

  private async deleteAs(tx: EntityManager, post: ModeratedPost, viewer: Viewer, reason: string): Promise<void> {
    await this.settleFlags(tx, post.id, FlagStatus.UPHELD, viewer.id);
    const removalReason = `removed by a moderator: ${reason}`;
    await this.writeRemoval(tx, post, { ...post.state, deletedAt: new Date(), deletedBy: viewer.id, removalReason, reviewRequestedAt: null });
    await this.record(tx, post, viewer.id, 'DELETE', reason);
    await this.tellAuthor(tx, post, NotificationKind.POST_REMOVED, `was ${removalReason}.`);
  }

  // ---- closing and locking questions -----------------------------------------------------

  async close(viewer: Viewer, input: CloseQuestionInput): Promise<QuestionEntity> {
    const id = await this.db.transaction(async (tx) => {
      const question = await this.lockQuestion(tx, input.questionId, 'questionId');
      authorize(viewer, 'moderate', questionSubject(question));
      if (question.closedAt) throw new ModerationException(ModerationExceptionCode.ALREADY_DONE, 'This question is already closed; reopen it first.', { field: 'questionId' });
      const duplicateOfId = await this.duplicateTarget(question, input);
      const note = input.note?.trim() || null;
      await this.questions.setClosure(tx, question.id, { reason: input.reason, note, closedBy: viewer.id, duplicateOfId });
      const words = CLOSE_WORDS[input.reason] + (duplicateOfId ? ` of ${duplicateOfId}` : '');
      await appendModerationLog(tx, { communityId: question.communityId, actorId: viewer.id, action: 'CLOSE', subjectKind: 'QUESTION', subjectId: question.id, reason: note ? `${words}: ${note}` : words });
      return question.id;
    });
    return this.questions.require(id);
  }

  /** A duplicate points at another question people can read; no other reason points anywhere. */
  private async duplicateTarget(question: QuestionEntity, input: CloseQuestionInput): Promise<string | null> {
    const targetId = input.duplicateOfId?.trim();
    if (input.reason !== CloseReason.DUPLICATE) {
      if (targetId) throw new ModerationException(ModerationExceptionCode.INVALID_DUPLICATE, 'Only a question closed as a duplicate points at another one.', { field: 'duplicateOfId' });
      return null;
    }
    if (!targetId) throw new ModerationException(ModerationExceptionCode.INVALID_DUPLICATE, 'Say which question this one duplicates.', { field: 'duplicateOfId' });
    if (targetId === question.id) throw new ModerationException(ModerationExceptionCode.INVALID_DUPLICATE, 'A question cannot duplicate itself.', { field: 'duplicateOfId' });
    const target = await this.questions.find(targetId);
    if (!target || isRemoved(target)) {
      throw new ModerationException(ModerationExceptionCode.INVALID_DUPLICATE, 'The question it duplicates does not exist or was removed.', { field: 'duplicateOfId' });
    }
    return target.id;
  }

  async reopen(viewer: Viewer, questionId: string): Promise<QuestionEntity> {
    await this.db.transaction(async (tx) => {
      const question = await this.lockQuestion(tx, questionId, 'questionId');
      authorize(viewer, 'moderate', questionSubject(question));
      if (!question.closedAt) throw new ModerationException(ModerationExceptionCode.ALREADY_DONE, 'This question is not closed.', { field: 'questionId' });
      await this.questions.setClosure(tx, question.id, null);
      await appendModerationLog(tx, { communityId: question.communityId, actorId: viewer.id, action: 'REOPEN', subjectKind: 'QUESTION', subjectId: question.id, reason: null });
    });
    return this.questions.require(questionId);
  }

  async lock(viewer: Viewer, input: ModeratePostInput): Promise<QuestionEntity> {
    await this.db.transaction(async (tx) => {
      const post = await this.locate(tx, input.postId);
      if (post.kind !== PostKind.QUESTION) throw new ModerationException(ModerationExceptionCode.NOT_A_QUESTION, 'Only questions can be locked.', { field: 'postId' });
      authorize(viewer, 'moderate', post.subject);
      if (post.question.lockedAt) throw new ModerationException(ModerationExceptionCode.ALREADY_DONE, 'This question is already locked.', { field: 'postId' });
      await this.questions.setLock(tx, post.id, viewer.id);
      await this.record(tx, post, viewer.id, 'LOCK', input.reason?.trim() || null);
    });
    return this.questions.require(input.postId);
  }

  async unlock(viewer: Viewer, questionId: string): Promise<QuestionEntity> {
    await this.db.transaction(async (tx) => {
      const question = await this.lockQuestion(tx, questionId, 'questionId');
      authorize(viewer, 'moderate', questionSubject(question));
      if (!question.lockedAt) throw new ModerationException(ModerationExceptionCode.ALREADY_DONE, 'This question is not locked.', { field: 'questionId' });
      await this.questions.setLock(tx, question.id, null);
      await appendModerationLog(tx, { communityId: question.communityId, actorId: viewer.id, action: 'UNLOCK', subjectKind: 'QUESTION', subjectId: question.id, reason: null });
    });
    return this.questions.require(questionId);
  }

  private async lockQuestion(tx: EntityManager, id: string, field: string): Promise<QuestionEntity> {
    const question = await this.questions.findForUpdate(tx, id);
    if (!question) throw new ModerationException(ModerationExceptionCode.QUESTION_NOT_FOUND, 'That question does not exist.', { field });
    return question;
  }

  // ---- suspensions ------------------------------------------------------------------------

  /** Suspends a member: they can sign in again and read, every write is refused until then. */
  async suspend(viewer: Viewer, input: SuspendMemberInput): Promise<UserEntity> {
    const member = await this.requireMember(input.userId);
    authorize(viewer, 'suspend', { kind: 'user', userId: member.id, siteRole: member.role });
    // An erased account holds nothing personal, a suspension reason included (a CHECK says so), and cannot sign in anyway.
    if (member.erasedAt) throw new ModerationException(ModerationExceptionCode.USER_NOT_FOUND, 'That account was erased: there is nobody to suspend.', { field: 'userId' });
    const until = new Date(Date.now() + input.days * 24 * 3600 * 1000);
    const reason = input.reason.trim();
    return this.db.transaction(async (tx) => {
      const suspended = await this.accounts.suspend(tx, member.id, until, reason);
      await appendModerationLog(tx, {
        communityId: null,
        actorId: viewer.id,
        action: 'SUSPEND',
        subjectKind: 'USER',
        subjectId: member.id,
        reason: `${reason} (${input.days} ${input.days === 1 ? 'day' : 'days'})`,
      });
      return suspended;
    });
  }

  async unsuspend(viewer: Viewer, userId: string): Promise<UserEntity> {
    const member = await this.requireMember(userId);
    authorize(viewer, 'suspend', { kind: 'user', userId: member.id, siteRole: member.role });
    if (!member.suspendedUntil || member.suspendedUntil <= new Date()) {
      throw new ModerationException(ModerationExceptionCode.ALREADY_DONE, 'This member is not suspended.', { field: 'userId' });
    }
    return this.db.transaction(async (tx) => {
      const restored = await this.accounts.unsuspend(tx, member.id);
      await appendModerationLog(tx, { communityId: null, actorId: viewer.id, action: 'UNSUSPEND', subjectKind: 'USER', subjectId: member.id, reason: null });
      return restored;
    });
  }

  private async requireMember(userId: string): Promise<UserEntity> {
    const member = await this.accounts.findUser(userId);
    if (!member) throw new ModerationException(ModerationExceptionCode.USER_NOT_FOUND, 'That person does not exist.', { field: 'userId' });
    return member;
  }

  // ---- the queue and the log -------------------------------------------------------------------

  /**
   * Posts waiting for a moderator in a community (or everywhere, for site staff): first
   * those whose authors edited them after they were hidden, then flagged ones, heaviest
   * pending flags first.
   */
  async queue(viewer: Viewer, communitySlug: string | null | undefined): Promise<FlaggedPostModel[]> {
    const communityId = await this.moderatedScope(viewer, communitySlug);
    const [questionsForReview, answersForReview] = await Promise.all([this.questions.awaitingReview(communityId), this.answers.awaitingReview(communityId)]);
    const flagged = (await this.db.query(
      `SELECT post_id AS "postId" FROM flags
        WHERE status = 'PENDING' AND ($1::uuid IS NULL OR community_id = $1)
        GROUP BY post_id
        ORDER BY sum(weight) DESC, min(created_at) ASC
        LIMIT ${QUEUE_LIMIT}`,
      [communityId],
    )) as { postId: string }[];
    const forReview = [...questionsForReview, ...answersForReview].sort((a, b) => (a.reviewRequestedAt as Date).getTime() - (b.reviewRequestedAt as Date).getTime());
    const order = [...new Set([...forReview.map((p) => p.id), ...flagged.map((f) => f.postId)])].slice(0, QUEUE_LIMIT);
    if (!order.length) return [];

    const flags = (await this.db.query(`SELECT ${FLAG_COLUMNS} FROM flags WHERE post_id = ANY($1::uuid[]) ORDER BY created_at, id`, [order])) as FlagRow[];
    const kinds = new Map<string, PostKind>(flags.map((f) => [f.postId, f.postKind]));
    for (const q of questionsForReview) kinds.set(q.id, PostKind.QUESTION);
    for (const a of answersForReview) kinds.set(a.id, PostKind.ANSWER);
    const idsOf = (kind: PostKind) => order.filter((id) => kinds.get(id) === kind);
    const [answers, comments] = await Promise.all([this.answers.byIds(idsOf(PostKind.ANSWER)), this.comments.byIds(idsOf(PostKind.COMMENT))]);
    const commentAnswers = await this.answers.byIds(comments.flatMap((c) => (c.answerId ? [c.answerId] : [])));
    const answerQuestion = new Map([...answers, ...commentAnswers].map((a) => [a.id, a.questionId]));
    const questions = await this.questions.byIds([
      ...idsOf(PostKind.QUESTION),
      ...answers.map((a) => a.questionId),
      ...commentAnswers.map((a) => a.questionId),
      ...comments.flatMap((c) => (c.questionId ? [c.questionId] : [])),
    ]);
    const questionById = new Map(questions.map((q) => [q.id, q]));
    const posts = new Map<string, { kind: PostKind; questionId: string; post: QuestionEntity | AnswerEntity | CommentEntity }>();
    for (const q of questions) if (kinds.get(q.id) === PostKind.QUESTION) posts.set(q.id, { kind: PostKind.QUESTION, questionId: q.id, post: q });
    for (const a of answers) posts.set(a.id, { kind: PostKind.ANSWER, questionId: a.questionId, post: a });
    for (const c of comments) posts.set(c.id, { kind: PostKind.COMMENT, questionId: c.questionId ?? (answerQuestion.get(c.answerId as string) as string), post: c });

    const flagsByPost = new Map<string, FlagRow[]>();
    for (const f of flags) flagsByPost.set(f.postId, [...(flagsByPost.get(f.postId) ?? []), f]);
    return order.flatMap((id) => {
      const entry = posts.get(id);
      const question = entry && questionById.get(entry.questionId);
      if (!entry || !question) return [];
      const postFlags = flagsByPost.get(id) ?? [];
      const pendingWeight = postFlags.filter((f) => f.status === FlagStatus.PENDING).reduce((sum, f) => sum + Number(f.weight), 0);
      const text = entry.kind === PostKind.QUESTION ? `${question.title} — ${entry.post.body}` : entry.post.body;
      return [
        {
          postId: id,
          kind: entry.kind,
          excerpt: excerptOf(text),
          visibility: visibilityOf(entry.post),
          flagWeight: Math.round(pendingWeight * 100) / 100,
          flags: postFlags.map(toFlagModel),
          reviewRequested: !!entry.post.reviewRequestedAt,
          questionId: question.id,
          authorId: entry.post.authorId,
          communityId: question.communityId,
        },
      ];
    });
  }

  /** Appends the log entry for an action on a post, in the action's transaction. */
  private record(tx: EntityManager, post: ModeratedPost, actorId: string | null, action: ModerationAction, reason: string | null): Promise<void> {
    return appendModerationLog(tx, { communityId: post.question.communityId, actorId, action, subjectKind: post.kind, subjectId: post.id, reason });
  }

  /** The append-only log, newest first, a page at a time (keyset on created_at, id). */
  async readLog(
    viewer: Viewer,
    communitySlug: string | null | undefined,
    first: number,
    after: string | null | undefined,
  ): Promise<{ entries: ModerationLogEntryModel[]; nextCursor: string | null }> {
    checkPageSize(first);
    const communityId = await this.moderatedScope(viewer, communitySlug);
    let position: [string, string] | null = null;
    if (after) {
      const [at, id] = decodeCursor(after, ['timestamp', 'uuid']) as [string, string];
      position = [at, id];
    }
    const rows = (await this.db.query(
      `SELECT id, community_id AS "communityId", actor_id AS "actorId", action, subject_kind AS "subjectKind", subject_id AS "subjectId", reason, created_at AS "createdAt"
         FROM moderation_log
        WHERE ($1::uuid IS NULL OR community_id = $1)
          AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
        ORDER BY created_at DESC, id DESC
        LIMIT $4`,
      [communityId, position?.[0] ?? null, position?.[1] ?? null, first + 1],
    )) as LogRow[];
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      entries: page,
      nextCursor: rows.length > first && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  /** The community a moderator asks about (refused unless they moderate it), or null: site-wide, for site staff. */
  private async moderatedScope(viewer: Viewer, communitySlug: string | null | undefined): Promise<string | null> {
    if (communitySlug === null || communitySlug === undefined) {
      authorize(viewer, 'view-site-moderation', { kind: 'site' });
      return null;
    }
    const community = await this.communities.findBySlug(communitySlug);
    if (!community) throw new ModerationException(ModerationExceptionCode.COMMUNITY_NOT_FOUND, 'That community does not exist.', { field: 'communitySlug' });
    authorize(viewer, 'moderate', { kind: 'community', communityId: community.id });
    return community.id;
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Finds a question, answer or comment by id and locks its row until the transaction ends. */
  private async locate(tx: EntityManager, postId: string): Promise<ModeratedPost> {
    const notFound = () => new ModerationException(ModerationExceptionCode.POST_NOT_FOUND, 'That post does not exist.', { field: 'postId' });
    const question = await this.questions.findForUpdate(tx, postId);
    if (question) {
      return { kind: PostKind.QUESTION, id: question.id, authorId: question.authorId, body: question.body, question, answer: null, comment: null, state: removalStateOf(question), subject: questionSubject(question) };
    }
    const answer = await this.answers.findForUpdate(tx, postId);
    if (answer) {
      const parent = await this.questions.find(answer.questionId);
      if (!parent) throw notFound();
      return { kind: PostKind.ANSWER, id: answer.id, authorId: answer.authorId, body: answer.body, question: parent, answer, comment: null, state: removalStateOf(answer), subject: answerSubject(answer, parent) };
    }
    const comment = await this.comments.findForUpdate(tx, postId);
    if (comment) {
      const onAnswer = comment.answerId ? await this.answers.find(comment.answerId) : null;
      const parent = await this.questions.find(onAnswer?.questionId ?? (comment.questionId as string));
      if (!parent) throw notFound();
      return { kind: PostKind.COMMENT, id: comment.id, authorId: comment.authorId, body: comment.body, question: parent, answer: onAnswer, comment, state: removalStateOf(comment), subject: commentSubject(comment, parent) };
    }
    throw notFound();
  }

  private async writeRemoval(tx: EntityManager, post: ModeratedPost, next: RemovalState): Promise<void> {
    if (post.kind === PostKind.QUESTION) await this.questions.setRemoval(tx, post.id, next);
    else if (post.kind === PostKind.ANSWER) await this.answers.setRemoval(tx, post.answer as AnswerEntity, next);
    else await this.comments.setRemoval(tx, post.id, next);
    if (isRemoved(next)) await this.notifications.withdrawAbout(tx, { kind: post.kind, id: post.id });
  }

  private pendingFlags(tx: EntityManager, postId: string): Promise<FlagRow[]> {
    return tx.query(`SELECT ${FLAG_COLUMNS} FROM flags WHERE post_id = $1 AND status = 'PENDING' ORDER BY created_at, id`, [postId]) as Promise<FlagRow[]>;
  }

  private async settleFlags(tx: EntityManager, postId: string, status: FlagStatus, moderatorId: string): Promise<void> {
    await tx.query(`UPDATE flags SET status = $2, resolved_by = $3, resolved_at = now() WHERE post_id = $1 AND status = 'PENDING'`, [postId, status, moderatorId]);
  }

  /** Tells the author what happened to their post and why; never who flagged it. */
  private async tellAuthor(tx: EntityManager, post: ModeratedPost, kind: NotificationKind, what: string): Promise<void> {
    const title = post.question.title;
    const noun =
      post.kind === PostKind.QUESTION ? `Your question “${title}”` : post.kind === PostKind.ANSWER ? `Your answer to “${title}”` : `Your comment on “${title}”`;
    const anchor = post.kind === PostKind.ANSWER ? `#a-${post.id}` : post.kind === PostKind.COMMENT ? `#c-${post.id}` : '';
    await this.notifications.notify(tx, [{ userId: post.authorId, kind, message: `${noun} ${what}`, path: `/q/${post.question.id}${anchor}` }]);
  }
}

/** The reason most of the pending flags give (the earliest one on a tie). */
function leadingReason(flags: readonly FlagRow[]): FlagReason {
  const counts = new Map<FlagReason, number>();
  for (const f of flags) counts.set(f.reason, (counts.get(f.reason) ?? 0) + 1);
  let best = flags[0].reason;
  for (const [reason, count] of counts) if (count > (counts.get(best) ?? 0)) best = reason;
  return best;
}

function requireReason(reason: string | null | undefined): string {
  const trimmed = reason?.trim();
  if (!trimmed) throw new ModerationException(ModerationExceptionCode.REASON_REQUIRED, 'Say why the post is removed: it is shown on the tombstone.', { field: 'reason' });
  return trimmed;
}

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

import type { PostSubject } from '../access/access.policy.js';

/**
 * What moderation leaves on a question, answer or comment row, and the permission
 * policy's view of it. Pure: the questions, answers and comments modules use it to read
 * their own rows; only the moderation module decides how the state changes.
 */

/** Whether people who may not see a removed post see it, and why not. */
export enum PostVisibility {
  VISIBLE = 'VISIBLE',
  HIDDEN = 'HIDDEN',
  DELETED = 'DELETED',
}

/** The removal columns every post table has (migration 1764400000001-moderation). */
export interface RemovalState {
  hiddenAt: Date | null;
  deletedAt: Date | null;
  deletedBy: string | null;
  /** The tombstone's words, e.g. "removed by a moderator: spam". */
  removalReason: string | null;
  /** Its author edited it while hidden: moderators are asked to look again. */
  reviewRequestedAt: Date | null;
}

/** A post as far as its removal goes; fields may be absent on rows read without them. */
export type Removable = Partial<Pick<RemovalState, 'hiddenAt' | 'deletedAt'>>;

export const visibilityOf = (post: Removable): PostVisibility =>
  post.deletedAt ? PostVisibility.DELETED : post.hiddenAt ? PostVisibility.HIDDEN : PostVisibility.VISIBLE;

export const isRemoved = (post: Removable): boolean => !!(post.hiddenAt || post.deletedAt);

export const removalStateOf = (post: Partial<RemovalState>): RemovalState => ({
  hiddenAt: post.hiddenAt ?? null,
  deletedAt: post.deletedAt ?? null,
  deletedBy: post.deletedBy ?? null,
  removalReason: post.removalReason ?? null,
  reviewRequestedAt: post.reviewRequestedAt ?? null,
});

/** What the policy needs to know about a question. */
export interface QuestionState extends Removable {
  communityId: string;
  authorId: string;
  closedAt?: Date | null;
  lockedAt?: Date | null;
}

export const questionSubject = (question: QuestionState): PostSubject => ({
  kind: 'question',
  communityId: question.communityId,
  authorId: question.authorId,
  closed: !!question.closedAt,
  locked: !!question.lockedAt,
  deleted: !!question.deletedAt,
  hidden: !!question.hiddenAt,
});

/** An answer, seen with the question it answers. */
export const answerSubject = (answer: Removable & { authorId: string }, question: QuestionState): PostSubject => ({
  kind: 'answer',
  communityId: question.communityId,
  authorId: answer.authorId,
  deleted: !!answer.deletedAt,
  hidden: !!answer.hiddenAt,
  questionAuthorId: question.authorId,
  questionClosed: !!question.closedAt,
  questionLocked: !!question.lockedAt,
  questionRemoved: isRemoved(question),
});

/** A comment, seen with the question it belongs to (directly or through an answer). */
export const commentSubject = (comment: Removable & { authorId: string }, question: QuestionState): PostSubject => ({
  kind: 'comment',
  communityId: question.communityId,
  authorId: comment.authorId,
  deleted: !!comment.deletedAt,
  hidden: !!comment.hiddenAt,
  questionClosed: !!question.closedAt,
  questionLocked: !!question.lockedAt,
  questionRemoved: isRemoved(question),
});

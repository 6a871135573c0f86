import type { EntityManager } from 'typeorm';
import { autoWatchQuestion } from '../subscriptions/auto-watch.js';
import { NotificationKind, type NewNotification } from './notification-kind.js';

/** A question as a notification names it. */
interface NotifiedQuestion {
  id: string;
  authorId: string;
  title: string;
}

/**
 * What the forum's services tell this module, one call per mutation, inside the
 * mutation's own transaction: the notification rows and automatic follows commit or
 * roll back with the post itself, and nothing is enqueued from here (digests are planned
 * from committed rows), so no job can ever see a post that was rolled back.
 *
 * The caller passes what the notification says (it has loaded the question and the post
 * it acted on already, and asks the accounts module for the actor's name), so this
 * module writes only its own table; the automatic watch is the subscriptions module's.
 */
export const PostActivity = {
  async questionAsked(tx: EntityManager, question: { id: string; authorId: string }): Promise<void> {
    await autoWatchQuestion(tx, question.authorId, question.id);
  },

  async answerPosted(
    tx: EntityManager,
    activity: { answer: { id: string; authorId: string }; question: NotifiedQuestion; answererName: string | null },
  ): Promise<void> {
    const { answer, question } = activity;
    await autoWatchQuestion(tx, answer.authorId, question.id);
    if (question.authorId === answer.authorId) return;
    await insertNotifications(tx, [
      {
        userId: question.authorId,
        kind: NotificationKind.NEW_ANSWER,
        message: `${activity.answererName ?? 'Someone'} answered your question “${question.title}”`,
        path: `/q/${question.id}#a-${answer.id}`,
      },
    ]);
  },

  async answerAccepted(
    tx: EntityManager,
    activity: { answer: { id: string; authorId: string }; question: Omit<NotifiedQuestion, 'authorId'>; acceptedBy: string },
  ): Promise<void> {
    const { answer, question } = activity;
    if (answer.authorId === activity.acceptedBy) return;
    await insertNotifications(tx, [
      // Keyed by answer: accepting it again (after another answer was accepted) tells its author nothing new.
      {
        userId: answer.authorId,
        kind: NotificationKind.ANSWER_ACCEPTED,
        message: `Your answer to “${question.title}” was accepted`,
        path: `/q/${question.id}#a-${answer.id}`,
        sourceKey: `answer-accepted:${answer.id}`,
      },
    ]);
  },

  async commentAdded(
    tx: EntityManager,
    activity: {
      comment: { id: string; authorId: string };
      /** The question or answer commented on. */
      post: { kind: 'question' | 'answer'; authorId: string };
      question: Omit<NotifiedQuestion, 'authorId'>;
      commenterName: string | null;
    },
  ): Promise<void> {
    const { comment, post, question } = activity;
    if (post.authorId === comment.authorId) return;
    await insertNotifications(tx, [
      {
        userId: post.authorId,
        kind: NotificationKind.NEW_COMMENT,
        message: `${activity.commenterName ?? 'Someone'} commented on your ${post.kind} to “${question.title}”`.replace('your question to', 'your question'),
        path: `/q/${question.id}#c-${comment.id}`,
      },
    ]);
  },
};

export async function insertNotifications(tx: EntityManager, notifications: NewNotification[]): Promise<void> {
  if (!notifications.length) return;
  // A keyed notification that exists already is left as it is (and, say, stays read).
  await tx.query(
    `INSERT INTO notifications (user_id, kind, message, path, source_key)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (source_key) DO NOTHING`,
    [
      notifications.map((n) => n.userId),
      notifications.map((n) => n.kind),
      notifications.map((n) => n.message),
      notifications.map((n) => n.path),
      notifications.map((n) => n.sourceKey ?? null),
    ],
  );
}

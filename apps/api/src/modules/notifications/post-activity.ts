import type { EntityManager } from 'typeorm';
import { NotificationKind, type NewNotification } from './notification-kind.js';

/**
 * What the forum's services tell this module, one call per mutation, inside the
 * mutation's own transaction: the notification rows and automatic follows commit or
 * roll back with the post itself, and nothing is enqueued from here (digests are planned
 * from committed rows), so no job can ever see a post that was rolled back.
 */
export const PostActivity = {
  async questionAsked(tx: EntityManager, question: { id: string; authorId: string }): Promise<void> {
    await autoWatch(tx, question.authorId, question.id);
  },

  async answerPosted(tx: EntityManager, answer: { id: string; questionId: string; authorId: string }): Promise<void> {
    await autoWatch(tx, answer.authorId, answer.questionId);
    const [row] = (await tx.query(
      `SELECT q.author_id AS "askerId", q.title, u.display_name AS "answerer"
         FROM questions q, users u WHERE q.id = $1 AND u.id = $2`,
      [answer.questionId, answer.authorId],
    )) as { askerId: string; title: string; answerer: string }[];
    if (row && row.askerId !== answer.authorId) {
      await insertNotifications(tx, [
        { userId: row.askerId, kind: NotificationKind.NEW_ANSWER, message: `${row.answerer} answered your question “${row.title}”`, path: `/q/${answer.questionId}#a-${answer.id}` },
      ]);
    }
  },

  async answerAccepted(tx: EntityManager, acceptance: { answerId: string; questionId: string; acceptedBy: string }): Promise<void> {
    await tx.query('INSERT INTO answer_acceptances (question_id, answer_id, accepted_by) VALUES ($1, $2, $3)', [
      acceptance.questionId,
      acceptance.answerId,
      acceptance.acceptedBy,
    ]);
    const [row] = (await tx.query(`SELECT a.author_id AS "answererId", q.title FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = $1`, [
      acceptance.answerId,
    ])) as { answererId: string; title: string }[];
    if (row && row.answererId !== acceptance.acceptedBy) {
      await insertNotifications(tx, [
        // Keyed by answer: accepting it again (after another answer was accepted) tells its author nothing new.
        {
          userId: row.answererId,
          kind: NotificationKind.ANSWER_ACCEPTED,
          message: `Your answer to “${row.title}” was accepted`,
          path: `/q/${acceptance.questionId}#a-${acceptance.answerId}`,
          sourceKey: `answer-accepted:${acceptance.answerId}`,
        },
      ]);
    }
  },

  async commentAdded(tx: EntityManager, comment: { id: string; questionId: string | null; answerId: string | null; authorId: string }): Promise<void> {
    const [row] = (await tx.query(
      comment.answerId
        ? `SELECT a.author_id AS "postAuthorId", q.id AS "questionId", q.title, 'answer' AS "postKind" FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.id = $1`
        : `SELECT q.author_id AS "postAuthorId", q.id AS "questionId", q.title, 'question' AS "postKind" FROM questions q WHERE q.id = $1`,
      [comment.answerId ?? comment.questionId],
    )) as { postAuthorId: string; questionId: string; title: string; postKind: string }[];
    if (!row || row.postAuthorId === comment.authorId) return;
    const [author] = (await tx.query('SELECT display_name AS "name" FROM users WHERE id = $1', [comment.authorId])) as { name: string }[];
    await insertNotifications(tx, [
      {
        userId: row.postAuthorId,
        kind: NotificationKind.NEW_COMMENT,
        message: `${author?.name ?? 'Someone'} commented on your ${row.postKind} to “${row.title}”`.replace('your question to', 'your question'),
        path: `/q/${row.questionId}#c-${comment.id}`,
      },
    ]);
  },
};

/** People watch what they asked or answered unless they turned autoWatch off. */
async function autoWatch(tx: EntityManager, userId: string, questionId: string): Promise<void> {
  await tx.query('INSERT INTO notification_settings (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [userId]);
  await tx.query(
    `INSERT INTO follows (user_id, kind, target_id, automatic)
     SELECT user_id, 'QUESTION', $2, true FROM notification_settings WHERE user_id = $1 AND auto_watch
     ON CONFLICT DO NOTHING`,
    [userId, questionId],
  );
}

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

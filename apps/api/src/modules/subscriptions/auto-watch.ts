import type { EntityManager } from 'typeorm';

/**
 * People watch what they asked or answered unless they turned autoWatch off. Called by
 * `PostActivity` inside the post's own transaction, so the watch commits or rolls back with
 * the post; a plain function because PostActivity is not built by Nest and cannot be given
 * SubscriptionsService.
 */
export async function autoWatchQuestion(tx: EntityManager, userId: string, questionId: string): Promise<void> {
  await tx.query('INSERT INTO notification_settings (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [userId]);
  await tx.query(
    `INSERT INTO follows (user_id, kind, target_id, automatic)
     SELECT user_id, 'QUESTION', $2, true FROM notification_settings WHERE user_id = $1 AND auto_watch
     ON CONFLICT DO NOTHING`,
    [userId, questionId],
  );
}

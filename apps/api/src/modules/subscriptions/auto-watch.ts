import type { EntityManager } from 'typeorm';

/**
 * People watch what they asked or answered unless they turned autoWatch off. Called by
 * `PostActivity` inside the post's own transaction, so the watch commits or rolls back with
 * the post; a plain function because PostActivity is not built by Nest and cannot be given
 * SubscriptionsService.
 */
export async function autoWatchQuestion(tx: EntityManager, userId: string, questionId: string): Promise<void> {
  // One statement (it runs on every ask and answer): the settings row is created with the
  // defaults if the person has none, and the statement's snapshot cannot see a row created
  // by it, so a new row's autoWatch comes from RETURNING and an existing one's from the table.
  await tx.query(
    `WITH created AS (
       INSERT INTO notification_settings (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING RETURNING auto_watch
     )
     INSERT INTO follows (user_id, kind, target_id, automatic)
     SELECT $1, 'QUESTION', $2, true
      WHERE COALESCE((SELECT auto_watch FROM created), (SELECT auto_watch FROM notification_settings WHERE user_id = $1), true)
     ON CONFLICT DO NOTHING`,
    [userId, questionId],
  );
}

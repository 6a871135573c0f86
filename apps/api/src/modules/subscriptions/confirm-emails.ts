import type { DataSource, EntityManager } from 'typeorm';

/**
 * Records these people's addresses as confirmed for digests, e.g. the demo accounts,
 * which nobody can click a confirmation link for. Keeps an earlier confirmation time.
 */
export async function confirmEmails(db: DataSource | EntityManager, userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  await db.query(
    `INSERT INTO notification_settings (user_id, email_confirmed_at) SELECT unnest($1::uuid[]), now()
     ON CONFLICT (user_id) DO UPDATE SET email_confirmed_at = COALESCE(notification_settings.email_confirmed_at, now()), updated_at = now()`,
    [userIds],
  );
}

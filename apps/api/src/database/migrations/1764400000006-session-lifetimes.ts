import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions end when unused for a while (idle timeout) as well as at a fixed age (absolute
 * lifetime, `expires_at`). `last_seen_at` is when the session was last used, to within the
 * resolution AccountsService keeps it at (it is written at most once per few minutes, not on
 * every request). Existing sessions count as seen now, so the upgrade signs nobody out.
 */
export class SessionLifetimes1764400000006 implements MigrationInterface {
  name = 'SessionLifetimes1764400000006';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT now()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE sessions DROP COLUMN last_seen_at`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: what a change causes after it commits (notifications when a
 * policy version is published, …) is written as an event row in the change's own
 * transaction, and the worker delivers it. A crash between commit and delivery loses
 * nothing: the row is still there, undelivered, for the next sweep.
 *
 * - `payload` holds ids only; a handler reloads what it needs, so an event never carries
 *   a copy of personal data (erasure has nothing to find here) or a stale snapshot.
 * - An event is claimed with FOR UPDATE SKIP LOCKED and marked delivered in the same
 *   transaction as the handler's writes. A failure counts an attempt, keeps the error
 *   and makes the event wait (`available_at`, exponential backoff) before the next try.
 * - `notifications.source_key` lets a handler's notifications be written at most once
 *   whatever happens (a replayed event inserts nothing twice); null for notifications
 *   written directly in a post's transaction, which need no key.
 */
export class Outbox1764400000007 implements MigrationInterface {
  name = 'Outbox1764400000007';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE outbox_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind text NOT NULL CHECK (kind ~ '^[a-z]+(-[a-z]+)*$'),
        payload jsonb NOT NULL CHECK (jsonb_typeof(payload) = 'object'),
        created_at timestamptz NOT NULL DEFAULT now(),
        available_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text
      )`);
    // What the worker looks for: undelivered events that are due, oldest first.
    await db.query(`CREATE INDEX outbox_events_due_idx ON outbox_events (available_at, id) WHERE delivered_at IS NULL`);
    await db.query(`CREATE INDEX outbox_events_delivered_idx ON outbox_events (delivered_at) WHERE delivered_at IS NOT NULL`);

    await db.query(`ALTER TABLE notifications ADD COLUMN source_key text`);
    await db.query(`CREATE UNIQUE INDEX notifications_source_key_idx ON notifications (source_key)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX notifications_source_key_idx`);
    await db.query(`ALTER TABLE notifications DROP COLUMN source_key`);
    await db.query(`DROP TABLE outbox_events`);
  }
}

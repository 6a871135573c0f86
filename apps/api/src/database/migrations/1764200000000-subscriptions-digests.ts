import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follows, notification settings, in-app notifications and digest deliveries.
 *
 * A digest delivery is unique on (user, period): planning twice, or two planners at
 * once, can never create a second digest for the same person and period. The watermark
 * on notification_settings says up to when a person's digests have covered activity; it
 * only moves in the same statement that marks a delivery sent or skipped.
 */
export class SubscriptionsDigests1764200000000 implements MigrationInterface {
  name = 'SubscriptionsDigests1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE follow_kind AS ENUM ('COMMUNITY', 'TAG', 'QUESTION', 'POLICY_DOCUMENT')`);
    await db.query(`
      CREATE TABLE follows (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind follow_kind NOT NULL,
        target_id uuid NOT NULL,
        -- Set when the follow came from asking or answering (autoWatch), not a click.
        automatic boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind, target_id)
      )`);
    await db.query(`CREATE INDEX follows_target_idx ON follows (kind, target_id)`);

    await db.query(`CREATE TYPE digest_frequency AS ENUM ('DAILY', 'WEEKLY', 'OFF')`);
    await db.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
        digest_frequency digest_frequency NOT NULL DEFAULT 'DAILY',
        digest_weekday smallint CHECK (digest_weekday BETWEEN 1 AND 7),
        digest_hour smallint NOT NULL DEFAULT 8 CHECK (digest_hour BETWEEN 0 AND 23),
        time_zone text NOT NULL DEFAULT 'Europe/London',
        auto_watch boolean NOT NULL DEFAULT true,
        email_confirmed_at timestamptz,
        digest_watermark timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (digest_frequency <> 'WEEKLY' OR digest_weekday IS NOT NULL)
      )`);
    await db.query(`CREATE INDEX notification_settings_active_idx ON notification_settings (user_id) WHERE digest_frequency <> 'OFF' AND email_confirmed_at IS NOT NULL`);

    await db.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind text NOT NULL,
        message text NOT NULL,
        path text NOT NULL CHECK (path LIKE '/%'),
        read_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);

    // questions.accepted_answer_id says which answer is accepted, not when: digests need when.
    await db.query(`
      CREATE TABLE answer_acceptances (
        id bigserial PRIMARY KEY,
        question_id uuid NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        answer_id uuid NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        accepted_by uuid NOT NULL REFERENCES users (id),
        accepted_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX answer_acceptances_question_idx ON answer_acceptances (question_id, accepted_at)`);
    await db.query(`CREATE INDEX answers_created_idx ON answers (created_at)`);

    await db.query(`CREATE TYPE digest_delivery_status AS ENUM ('PLANNED', 'SENT', 'SKIPPED', 'FAILED')`);
    await db.query(`
      CREATE TABLE digest_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        period text NOT NULL CHECK (period ~ '^(daily:\\d{4}-\\d{2}-\\d{2}|weekly:\\d{4}-W\\d{2})$'),
        due_at timestamptz NOT NULL,
        status digest_delivery_status NOT NULL DEFAULT 'PLANNED',
        covered_from timestamptz,
        covered_until timestamptz,
        message_id text,
        subject text,
        item_count integer,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        skip_reason text,
        planned_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        UNIQUE (user_id, period)
      )`);
    await db.query(`CREATE INDEX digest_deliveries_planned_idx ON digest_deliveries (due_at) WHERE status = 'PLANNED'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE digest_deliveries`);
    await db.query(`DROP TYPE digest_delivery_status`);
    await db.query(`DROP INDEX answers_created_idx`);
    await db.query(`DROP TABLE answer_acceptances`);
    await db.query(`DROP TABLE notifications`);
    await db.query(`DROP TABLE notification_settings`);
    await db.query(`DROP TYPE digest_frequency`);
    await db.query(`DROP TABLE follows`);
    await db.query(`DROP TYPE follow_kind`);
  }
}

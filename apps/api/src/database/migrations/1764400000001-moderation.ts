import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation: flags, hiding, soft deletion, closing and locking, and an append-only log.
 *
 * A post is shown to everyone while `hidden_at` and `deleted_at` are both null. Hiding
 * (flags reached the threshold, or a moderator) and deleting (its author or a moderator)
 * never remove text: the row stays, with `removal_reason` for the tombstone, and the
 * revisions stay append-only. `moderation_log` refuses UPDATE and DELETE like revisions.
 */
export class Moderation1764400000001 implements MigrationInterface {
  name = 'Moderation1764400000001';

  async up(db: QueryRunner): Promise<void> {
    for (const table of ['questions', 'answers', 'comments']) {
      await db.query(`
        ALTER TABLE ${table}
          ADD COLUMN hidden_at timestamptz,
          ADD COLUMN deleted_at timestamptz,
          ADD COLUMN deleted_by uuid REFERENCES users (id),
          ADD COLUMN removal_reason text CHECK (length(removal_reason) <= 500),
          -- Set when the author edits a hidden post: it asks moderators to look again.
          ADD COLUMN review_requested_at timestamptz`);
    }

    await db.query(`CREATE TYPE close_reason AS ENUM ('DUPLICATE', 'OFF_TOPIC', 'NEEDS_DETAILS')`);
    await db.query(`
      ALTER TABLE questions
        ADD COLUMN closed_reason close_reason,
        ADD COLUMN closed_note text CHECK (length(closed_note) <= 500),
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_by uuid REFERENCES users (id),
        ADD COLUMN duplicate_of_id uuid REFERENCES questions (id),
        ADD COLUMN locked_at timestamptz,
        ADD COLUMN locked_by uuid REFERENCES users (id),
        ADD CONSTRAINT questions_closed_consistent CHECK ((closed_reason IS NULL) = (closed_at IS NULL)),
        ADD CONSTRAINT questions_duplicate_needs_reason CHECK (duplicate_of_id IS NULL OR closed_reason = 'DUPLICATE'),
        ADD CONSTRAINT questions_not_duplicate_of_itself CHECK (duplicate_of_id <> id)`);

    await db.query(`CREATE TYPE post_kind AS ENUM ('QUESTION', 'ANSWER', 'COMMENT')`);
    await db.query(`CREATE TYPE flag_reason AS ENUM ('SPAM', 'ABUSIVE', 'OFF_TOPIC', 'DUPLICATE', 'NEEDS_IMPROVEMENT', 'OTHER')`);
    await db.query(`CREATE TYPE flag_status AS ENUM ('PENDING', 'UPHELD', 'DISMISSED')`);
    await db.query(`
      CREATE TABLE flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        post_kind post_kind NOT NULL,
        post_id uuid NOT NULL,
        community_id uuid NOT NULL REFERENCES communities (id),
        flagger_id uuid NOT NULL REFERENCES users (id),
        reason flag_reason NOT NULL,
        note text CHECK (length(note) <= 500),
        CHECK (reason <> 'OTHER' OR length(trim(note)) > 0),
        -- The flagger's standing when they flagged: what counted towards hiding.
        weight numeric(4, 2) NOT NULL CHECK (weight > 0),
        status flag_status NOT NULL DEFAULT 'PENDING',
        resolved_by uuid REFERENCES users (id),
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'PENDING') = (resolved_at IS NULL)),
        UNIQUE (post_id, flagger_id)
      )`);
    await db.query(`CREATE INDEX flags_pending_idx ON flags (community_id, created_at) WHERE status = 'PENDING'`);
    await db.query(`CREATE INDEX flags_flagger_idx ON flags (flagger_id, status)`);

    await db.query(`
      CREATE TABLE moderation_log (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid REFERENCES communities (id),
        -- Null when the forum acted by itself (flags reached the threshold).
        actor_id uuid REFERENCES users (id),
        action text NOT NULL CHECK (action ~ '^[A-Z_]+$'),
        subject_kind text NOT NULL CHECK (subject_kind IN ('QUESTION', 'ANSWER', 'COMMENT', 'USER')),
        subject_id uuid NOT NULL,
        reason text CHECK (length(reason) <= 1000),
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX moderation_log_community_idx ON moderation_log (community_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX moderation_log_created_idx ON moderation_log (created_at DESC, id DESC)`);
    await db.query(`
      CREATE TRIGGER moderation_log_append_only BEFORE UPDATE OR DELETE ON moderation_log
        FOR EACH ROW EXECUTE FUNCTION refuse_row_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE moderation_log`);
    await db.query(`DROP TABLE flags`);
    await db.query(`DROP TYPE flag_status`);
    await db.query(`DROP TYPE flag_reason`);
    await db.query(`DROP TYPE post_kind`);
    await db.query(`
      ALTER TABLE questions
        DROP CONSTRAINT questions_not_duplicate_of_itself, DROP CONSTRAINT questions_duplicate_needs_reason, DROP CONSTRAINT questions_closed_consistent,
        DROP COLUMN locked_by, DROP COLUMN locked_at, DROP COLUMN duplicate_of_id, DROP COLUMN closed_by, DROP COLUMN closed_at,
        DROP COLUMN closed_note, DROP COLUMN closed_reason`);
    await db.query(`DROP TYPE close_reason`);
    for (const table of ['comments', 'answers', 'questions']) {
      await db.query(`
        ALTER TABLE ${table}
          DROP COLUMN review_requested_at, DROP COLUMN removal_reason, DROP COLUMN deleted_by, DROP COLUMN deleted_at, DROP COLUMN hidden_at`);
    }
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments can be edited by their authors (and moderators), and, like questions and
 * answers, keep every wording: comment_revisions is append-only (the same trigger as
 * post_revisions refuses UPDATE and DELETE). The text as first posted becomes revision 1
 * at the first edit, so comments never edited need no rows. `edited_at` lets a list say
 * "edited" without reading the history.
 */
export class CommentRevisions1764400000050 implements MigrationInterface {
  name = 'CommentRevisions1764400000050';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE comments ADD COLUMN edited_at timestamptz`);
    await db.query(`
      CREATE TABLE comment_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL REFERENCES comments (id),
        revision integer NOT NULL CHECK (revision >= 1),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        edited_by uuid NOT NULL REFERENCES users (id),
        edited_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (comment_id, revision)
      )`);
    await db.query(`
      CREATE TRIGGER comment_revisions_append_only BEFORE UPDATE OR DELETE ON comment_revisions
        FOR EACH ROW EXECUTE FUNCTION refuse_row_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE comment_revisions`);
    await db.query(`ALTER TABLE comments DROP COLUMN edited_at`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the batched digest reads need.
 *
 * - `question_tags.question_created_at`: a digest asks "questions with tag T created in
 *   (since, until]". Without the date beside the tag, that means visiting every question
 *   the tag ever had, which grows with the forum's age; with it, one index range. A
 *   question's creation time never changes, so a trigger fills the copy on insert and
 *   nothing can make it drift.
 * - `notification_settings.digest_watermark` to the millisecond, like question times: the
 *   sender reads it into a JavaScript date and only marks a digest sent while the
 *   watermark is still exactly that value. A watermark from `now()` carried microseconds,
 *   so the comparison could never succeed and such a subscriber's digest was retried
 *   until it failed.
 */
export class DigestBatchReads1764300000000 implements MigrationInterface {
  name = 'DigestBatchReads1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE question_tags ADD COLUMN question_created_at timestamptz(3)`);
    await db.query(`UPDATE question_tags qt SET question_created_at = q.created_at FROM questions q WHERE q.id = qt.question_id`);
    await db.query(`ALTER TABLE question_tags ALTER COLUMN question_created_at SET NOT NULL`);
    await db.query(`
      CREATE FUNCTION question_tags_copy_created_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.question_created_at := (SELECT created_at FROM questions WHERE id = NEW.question_id);
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER question_tags_created_at BEFORE INSERT OR UPDATE ON question_tags
        FOR EACH ROW EXECUTE FUNCTION question_tags_copy_created_at()`);
    await db.query(`CREATE INDEX question_tags_tag_created_idx ON question_tags (tag_id, question_created_at)`);

    await db.query(`ALTER TABLE notification_settings ALTER COLUMN digest_watermark TYPE timestamptz(3)`);
    await db.query(`ALTER TABLE digest_deliveries ALTER COLUMN covered_from TYPE timestamptz(3), ALTER COLUMN covered_until TYPE timestamptz(3)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE digest_deliveries ALTER COLUMN covered_from TYPE timestamptz, ALTER COLUMN covered_until TYPE timestamptz`);
    await db.query(`ALTER TABLE notification_settings ALTER COLUMN digest_watermark TYPE timestamptz`);
    await db.query(`DROP INDEX question_tags_tag_created_idx`);
    await db.query(`DROP TRIGGER question_tags_created_at ON question_tags`);
    await db.query(`DROP FUNCTION question_tags_copy_created_at()`);
    await db.query(`ALTER TABLE question_tags DROP COLUMN question_created_at`);
  }
}

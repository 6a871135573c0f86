import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for every question list the web app shows, so each page is an index range read
 * from its cursor, however deep, with no sort of a community's or tag's questions:
 *
 * - a community's "active" tab orders by last activity;
 * - the "unanswered" tab (site-wide and per community) reads only unanswered, listed
 *   questions (a partial index: they are a small share of all questions);
 * - a tag's page reads question_tags newest first: the copy of the question's creation time
 *   there (1764300000000) now ends with the question id, the list's tie-break, so the index
 *   gives the order and the cursor; it replaces (tag_id, question_created_at), whose
 *   ranges the digests read, as a prefix of the new one.
 */
export class QuestionListIndexes1764400000021 implements MigrationInterface {
  name = 'QuestionListIndexes1764400000021';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX questions_community_activity_idx ON questions (community_id, last_activity_at DESC, id DESC)`);
    await db.query(`
      CREATE INDEX questions_unanswered_idx ON questions (created_at DESC, id DESC)
        WHERE answer_count = 0 AND hidden_at IS NULL AND deleted_at IS NULL`);
    await db.query(`
      CREATE INDEX questions_community_unanswered_idx ON questions (community_id, created_at DESC, id DESC)
        WHERE answer_count = 0 AND hidden_at IS NULL AND deleted_at IS NULL`);
    await db.query(`CREATE INDEX question_tags_tag_newest_idx ON question_tags (tag_id, question_created_at DESC, question_id DESC)`);
    await db.query(`DROP INDEX question_tags_tag_created_idx`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX question_tags_tag_created_idx ON question_tags (tag_id, question_created_at)`);
    await db.query(`DROP INDEX question_tags_tag_newest_idx`);
    await db.query(`DROP INDEX questions_community_unanswered_idx`);
    await db.query(`DROP INDEX questions_unanswered_idx`);
    await db.query(`DROP INDEX questions_community_activity_idx`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Policy sections become searchable like posts: a stored vector of the section's heading
 * (weight A, as a question title) and its text (weight B, as a question body), with a GIN
 * index. Generated and stored, so a section's words are read from the index and never
 * recomputed per search; published sections never change, so the vector never needs to.
 *
 * Adding a stored generated column rewrites the table without firing row triggers, so
 * the triggers that keep published sections unchangeable stay as they are and still
 * refuse every UPDATE.
 */
export class PolicySectionSearch1764400000030 implements MigrationInterface {
  name = 'PolicySectionSearch1764400000030';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE policy_sections ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
      ) STORED`);
    await db.query(`CREATE INDEX policy_sections_search_vector_idx ON policy_sections USING GIN (search_vector)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX policy_sections_search_vector_idx`);
    await db.query(`ALTER TABLE policy_sections DROP COLUMN search_vector`);
  }
}

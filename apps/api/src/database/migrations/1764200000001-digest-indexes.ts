import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The digest's "your answers whose citations became stale" section starts from a person's answers. */
export class DigestIndexes1764200000001 implements MigrationInterface {
  name = 'DigestIndexes1764200000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX answers_author_id_idx ON answers (author_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX answers_author_id_idx`);
  }
}

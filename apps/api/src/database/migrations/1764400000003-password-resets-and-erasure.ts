import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Password reset links, what an erased account may still hold, and finding a person's posts.
 *
 * A reset row is written when someone asks for a link and the address has a live account;
 * the worker mails it and only then stores a hash of the token (the plain token exists
 * only in the mail). A link works once, for an hour: `used_at` is set by the reset that
 * uses it, and every other open link of that person is closed at the same time.
 */
export class PasswordResetsAndErasure1764400000003 implements MigrationInterface {
  name = 'PasswordResetsAndErasure1764400000003';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE password_resets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        -- Null until the mail with the token is composed; sha256 of the token after.
        token_hash text UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CHECK (expires_at > created_at)
      )`);
    await db.query(`CREATE INDEX password_resets_user_id_idx ON password_resets (user_id)`);

    // An erased account keeps its row (posts, votes and revisions point at it) and nothing
    // that names the person: the address becomes a placeholder under the reserved .invalid
    // domain, so it can never receive mail or match a sign-in.
    await db.query(`
      ALTER TABLE users ADD CONSTRAINT users_erased_hold_nothing_personal CHECK (
        erased_at IS NULL OR (email LIKE 'erased-%@invalid' AND display_name = 'a deleted member' AND suspension_reason IS NULL)
      )`);

    // A new member's posts are counted on each post (new-member limits), and erasure finds
    // every post of a person; questions and answers already have this index.
    await db.query(`CREATE INDEX comments_author_id_idx ON comments (author_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX comments_author_id_idx`);
    await db.query(`ALTER TABLE users DROP CONSTRAINT users_erased_hold_nothing_personal`);
    await db.query(`DROP TABLE password_resets`);
  }
}

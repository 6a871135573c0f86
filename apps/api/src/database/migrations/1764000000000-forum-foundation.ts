import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, communities, questions, answers, comments, votes and their revisions.
 *
 * Post revisions are append-only: a trigger refuses UPDATE and DELETE, so no code path
 * (nor a hand-typed SQL statement) can lose text that someone once published.
 * Search vectors are generated columns, so they can never drift from the text.
 */
export class ForumFoundation1764000000000 implements MigrationInterface {
  name = 'ForumFoundation1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION refuse_row_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% rows are append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'restrict_violation';
      END
      $$`);

    await db.query(`CREATE TYPE user_role AS ENUM ('MEMBER', 'MODERATOR', 'ADMIN')`);
    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (email = lower(email) AND position('@' in email) > 1),
        display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
        password_hash text NOT NULL,
        role user_role NOT NULL DEFAULT 'MEMBER',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);

    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX sessions_user_id_idx ON sessions (user_id)`);

    await db.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE affiliations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        role text NOT NULL CHECK (length(role) BETWEEN 1 AND 80),
        position smallint NOT NULL,
        UNIQUE (user_id, organisation_id, role)
      )`);

    await db.query(`
      CREATE TABLE communities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        title text NOT NULL,
        description text NOT NULL,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE community_members (
        community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (community_id, user_id)
      )`);
    await db.query(`CREATE INDEX community_members_user_id_idx ON community_members (user_id)`);

    await db.query(`
      CREATE TABLE tags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 35),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE questions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        community_id uuid NOT NULL REFERENCES communities (id),
        author_id uuid NOT NULL REFERENCES users (id),
        title text NOT NULL CHECK (length(title) BETWEEN 10 AND 200),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 30000),
        score integer NOT NULL DEFAULT 0,
        view_count integer NOT NULL DEFAULT 0,
        answer_count integer NOT NULL DEFAULT 0,
        accepted_answer_id uuid,
        -- Millisecond precision: list cursors carry these as JavaScript dates.
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        updated_at timestamptz(3) NOT NULL DEFAULT now(),
        last_activity_at timestamptz(3) NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
        ) STORED
      )`);
    await db.query(`CREATE INDEX questions_search_vector_idx ON questions USING GIN (search_vector)`);
    await db.query(`CREATE INDEX questions_created_idx ON questions (created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX questions_activity_idx ON questions (last_activity_at DESC, id DESC)`);
    await db.query(`CREATE INDEX questions_community_created_idx ON questions (community_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX questions_author_id_idx ON questions (author_id)`);

    await db.query(`
      CREATE TABLE question_tags (
        question_id uuid NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        tag_id uuid NOT NULL REFERENCES tags (id),
        position smallint NOT NULL,
        PRIMARY KEY (question_id, tag_id)
      )`);
    await db.query(`CREATE INDEX question_tags_tag_id_idx ON question_tags (tag_id)`);

    await db.query(`
      CREATE TABLE answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL REFERENCES questions (id),
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 30000),
        score integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('english', body), 'C')) STORED
      )`);
    await db.query(`CREATE INDEX answers_question_id_idx ON answers (question_id, created_at)`);
    await db.query(`CREATE INDEX answers_search_vector_idx ON answers USING GIN (search_vector)`);
    await db.query(`
      ALTER TABLE questions ADD CONSTRAINT questions_accepted_answer_fk
        FOREIGN KEY (accepted_answer_id) REFERENCES answers (id)`);

    await db.query(`
      CREATE TABLE post_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid REFERENCES questions (id),
        answer_id uuid REFERENCES answers (id),
        revision integer NOT NULL CHECK (revision >= 1),
        title text,
        body text NOT NULL,
        tags text[],
        edited_by uuid NOT NULL REFERENCES users (id),
        edited_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(question_id, answer_id) = 1),
        UNIQUE (question_id, revision),
        UNIQUE (answer_id, revision)
      )`);
    await db.query(`
      CREATE TRIGGER post_revisions_append_only BEFORE UPDATE OR DELETE ON post_revisions
        FOR EACH ROW EXECUTE FUNCTION refuse_row_change()`);

    await db.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid REFERENCES questions (id),
        answer_id uuid REFERENCES answers (id),
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(question_id, answer_id) = 1)
      )`);
    await db.query(`CREATE INDEX comments_question_id_idx ON comments (question_id, created_at) WHERE question_id IS NOT NULL`);
    await db.query(`CREATE INDEX comments_answer_id_idx ON comments (answer_id, created_at) WHERE answer_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE votes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        question_id uuid REFERENCES questions (id),
        answer_id uuid REFERENCES answers (id),
        value smallint NOT NULL CHECK (value IN (-1, 1)),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(question_id, answer_id) = 1)
      )`);
    await db.query(`CREATE UNIQUE INDEX votes_user_question_key ON votes (user_id, question_id) WHERE question_id IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX votes_user_answer_key ON votes (user_id, answer_id) WHERE answer_id IS NOT NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'votes',
      'comments',
      'post_revisions',
      'question_tags',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`ALTER TABLE questions DROP CONSTRAINT questions_accepted_answer_fk`);
    for (const table of ['answers', 'questions', 'tags', 'community_members', 'communities', 'affiliations', 'organisations', 'sessions', 'users']) {
      await db.query(`DROP TABLE ${table}`);
    }
    await db.query(`DROP TYPE user_role`);
    await db.query(`DROP FUNCTION refuse_row_change()`);
  }
}

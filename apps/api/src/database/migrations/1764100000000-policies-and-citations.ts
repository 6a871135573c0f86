import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Versioned policy documents, their sections, drafts, and the citations posts make.
 *
 * A published version never changes. Triggers refuse UPDATE and DELETE on versions and
 * their sections, and refuse adding a section to a version published by an earlier
 * transaction, so no code path (nor a hand-typed statement) can alter what someone cited.
 * `supersededBy` is derived from the next version number, so no column ever needs to be
 * updated after publishing. A version number is unique per document, numerically
 * (major, minor), so "2.10" can never be published twice under another spelling.
 */
export class PoliciesAndCitations1764100000000 implements MigrationInterface {
  name = 'PoliciesAndCitations1764100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE policy_documents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 100),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        adapted_from_version_id uuid,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX policy_documents_organisation_id_idx ON policy_documents (organisation_id)`);
    await db.query(`CREATE INDEX policy_documents_adapted_from_idx ON policy_documents (adapted_from_version_id) WHERE adapted_from_version_id IS NOT NULL`);

    await db.query(`
      CREATE TABLE policy_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES policy_documents (id),
        version text NOT NULL CHECK (version ~ '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)$'),
        major integer NOT NULL CHECK (major >= 0),
        minor integer NOT NULL CHECK (minor >= 0),
        published_on date NOT NULL,
        summary_of_changes text NOT NULL CHECK (length(summary_of_changes) >= 1),
        contributors jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(contributors) = 'array'),
        licence text NOT NULL,
        superseded_notice text,
        body text NOT NULL,
        -- sha256 of the body and metadata: the corpus import compares it to refuse a changed file.
        content_hash text NOT NULL,
        published_by uuid REFERENCES users (id),
        published_at timestamptz NOT NULL DEFAULT now(),
        CHECK (version = major || '.' || minor),
        UNIQUE (document_id, version),
        UNIQUE (document_id, major, minor)
      )`);
    await db.query(`
      ALTER TABLE policy_documents ADD CONSTRAINT policy_documents_adapted_from_fk
        FOREIGN KEY (adapted_from_version_id) REFERENCES policy_versions (id)`);

    await db.query(`
      CREATE TABLE policy_sections (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES policy_versions (id),
        anchor text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        level smallint NOT NULL CHECK (level BETWEEN 2 AND 6),
        parent_anchor text,
        position integer NOT NULL CHECK (position >= 0),
        fingerprint text NOT NULL,
        UNIQUE (version_id, anchor),
        UNIQUE (version_id, position)
      )`);

    await db.query(`
      CREATE TRIGGER policy_versions_immutable BEFORE UPDATE OR DELETE ON policy_versions
        FOR EACH ROW EXECUTE FUNCTION refuse_row_change()`);
    await db.query(`
      CREATE TRIGGER policy_sections_immutable BEFORE UPDATE OR DELETE ON policy_sections
        FOR EACH ROW EXECUTE FUNCTION refuse_row_change()`);
    // Sections are written with their version, in the same transaction; never added later.
    await db.query(`
      CREATE FUNCTION refuse_section_of_published_version() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF (SELECT xmin FROM policy_versions WHERE id = NEW.version_id) IS DISTINCT FROM pg_current_xact_id()::xid THEN
          RAISE EXCEPTION 'policy version % is published: its sections cannot change', NEW.version_id
            USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await db.query(`
      CREATE TRIGGER policy_sections_only_with_their_version BEFORE INSERT ON policy_sections
        FOR EACH ROW EXECUTE FUNCTION refuse_section_of_published_version()`);

    await db.query(`
      CREATE TABLE policy_drafts (
        document_id uuid PRIMARY KEY REFERENCES policy_documents (id),
        markdown text NOT NULL CHECK (length(markdown) BETWEEN 1 AND 200000),
        updated_by uuid NOT NULL REFERENCES users (id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE citations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid REFERENCES questions (id) ON DELETE CASCADE,
        answer_id uuid REFERENCES answers (id) ON DELETE CASCADE,
        version_id uuid NOT NULL REFERENCES policy_versions (id),
        section_id uuid NOT NULL REFERENCES policy_sections (id),
        reference text NOT NULL,
        position smallint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (num_nonnulls(question_id, answer_id) = 1)
      )`);
    await db.query(`CREATE UNIQUE INDEX citations_question_reference_key ON citations (question_id, reference) WHERE question_id IS NOT NULL`);
    await db.query(`CREATE UNIQUE INDEX citations_answer_reference_key ON citations (answer_id, reference) WHERE answer_id IS NOT NULL`);
    await db.query(`CREATE INDEX citations_version_id_idx ON citations (version_id)`);
    await db.query(`CREATE INDEX citations_section_id_idx ON citations (section_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE citations`);
    await db.query(`DROP TABLE policy_drafts`);
    await db.query(`DROP TABLE policy_sections`);
    await db.query(`DROP FUNCTION refuse_section_of_published_version()`);
    await db.query(`ALTER TABLE policy_documents DROP CONSTRAINT policy_documents_adapted_from_fk`);
    await db.query(`DROP TABLE policy_versions`);
    await db.query(`DROP TABLE policy_documents`);
  }
}

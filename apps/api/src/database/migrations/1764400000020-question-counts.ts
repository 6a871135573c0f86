import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many questions each list holds, kept beside the questions instead of counted per
 * request: the question list's totalCount counted every listed question on every page
 * (COUNT(*) over 100,000 questions took 64 ms of a 583 ms page at scale), and a tag's
 * question count grouped question_tags on every call.
 *
 * `question_counts` has one row for the whole forum (scope 'all', the nil uuid), one per
 * community and one per tag: `listed` counts the questions lists show (neither hidden nor
 * deleted), `unanswered` those of them with no answer people can read (answer_count 0).
 * Triggers keep them exact. They are deferred to the commit, so a transaction holds a
 * count row only while it commits, and each first locks the forum-wide row: every writer
 * of these rows then takes them in the same order, so two can never wait on each other.
 *
 * - On `questions` (asked, hidden, deleted, restored, answered for the first time or no
 *   longer, moved): the event's old and new row say what moved; the question's tags at
 *   commit time follow it.
 * - On `question_tags` (tags set or changed): the question's state at commit time says
 *   whether the tag row moves. Questions are never deleted (moderation and erasure keep
 *   the row), so a tag row is only ever removed while its question exists.
 */
export class QuestionCounts1764400000020 implements MigrationInterface {
  name = 'QuestionCounts1764400000020';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE question_counts (
        scope text NOT NULL CHECK (scope IN ('all', 'community', 'tag')),
        scope_id uuid NOT NULL,
        listed integer NOT NULL DEFAULT 0 CHECK (listed >= 0),
        unanswered integer NOT NULL DEFAULT 0 CHECK (unanswered >= 0 AND unanswered <= listed),
        PRIMARY KEY (scope, scope_id)
      )`);
    // The most used tags first, without grouping question_tags.
    await db.query(`CREATE INDEX question_counts_popular_idx ON question_counts (scope, listed DESC, scope_id)`);

    // An update first: an INSERT … ON CONFLICT would check the proposed row (a negative
    // change) against the CHECKs before finding the existing one. Writers are serialised on
    // the forum-wide row, so the insert of a new community's or tag's row cannot race.
    await db.query(`
      CREATE FUNCTION question_counts_add(count_scope text, id uuid, listed_change integer, unanswered_change integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF listed_change = 0 AND unanswered_change = 0 AND count_scope <> 'all' THEN RETURN; END IF;
        UPDATE question_counts SET listed = listed + listed_change, unanswered = unanswered + unanswered_change
         WHERE scope = count_scope AND scope_id = id;
        IF NOT FOUND THEN
          INSERT INTO question_counts (scope, scope_id, listed, unanswered) VALUES (count_scope, id, listed_change, unanswered_change);
        END IF;
      END $$`);

    await db.query(`
      CREATE FUNCTION question_counts_on_question() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        was_listed integer := 0; was_unanswered integer := 0; is_listed integer := 0; is_unanswered integer := 0;
        changed_question uuid := coalesce(NEW.id, OLD.id);
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.hidden_at IS NULL AND OLD.deleted_at IS NULL THEN
          was_listed := 1; was_unanswered := (OLD.answer_count = 0)::integer;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL THEN
          is_listed := 1; is_unanswered := (NEW.answer_count = 0)::integer;
        END IF;
        PERFORM question_counts_add('all', '00000000-0000-0000-0000-000000000000', is_listed - was_listed, is_unanswered - was_unanswered);
        IF TG_OP = 'UPDATE' AND OLD.community_id <> NEW.community_id THEN
          PERFORM question_counts_add('community', OLD.community_id, -was_listed, -was_unanswered);
          PERFORM question_counts_add('community', NEW.community_id, is_listed, is_unanswered);
        ELSE
          PERFORM question_counts_add('community', coalesce(NEW.community_id, OLD.community_id), is_listed - was_listed, is_unanswered - was_unanswered);
        END IF;
        -- A new question's tags are counted by the question_tags trigger; a changed one's move with it.
        IF TG_OP = 'UPDATE' THEN
          UPDATE question_counts c SET listed = c.listed + is_listed - was_listed, unanswered = c.unanswered + is_unanswered - was_unanswered
            FROM question_tags qt WHERE qt.question_id = changed_question AND c.scope = 'tag' AND c.scope_id = qt.tag_id;
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER question_counts_on_question AFTER INSERT OR DELETE ON questions
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION question_counts_on_question()`);
    // Only changes that move a count: most answers go to questions that had one already.
    await db.query(`
      CREATE CONSTRAINT TRIGGER question_counts_on_question_change AFTER UPDATE OF hidden_at, deleted_at, answer_count, community_id ON questions
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN ((OLD.hidden_at IS NULL AND OLD.deleted_at IS NULL) IS DISTINCT FROM (NEW.hidden_at IS NULL AND NEW.deleted_at IS NULL)
              OR (OLD.answer_count = 0) IS DISTINCT FROM (NEW.answer_count = 0) OR OLD.community_id IS DISTINCT FROM NEW.community_id)
        EXECUTE FUNCTION question_counts_on_question()`);

    await db.query(`
      CREATE FUNCTION question_counts_on_question_tag() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        listed integer; unanswered integer;
      BEGIN
        -- The forum-wide row first, as every writer of these rows does (see the migration's note).
        PERFORM 1 FROM question_counts WHERE scope = 'all' FOR UPDATE;
        SELECT (q.hidden_at IS NULL AND q.deleted_at IS NULL)::integer, (q.hidden_at IS NULL AND q.deleted_at IS NULL AND q.answer_count = 0)::integer
          INTO listed, unanswered FROM questions q WHERE q.id = coalesce(NEW.question_id, OLD.question_id);
        IF listed IS NULL THEN RETURN NULL; END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM question_counts_add('tag', OLD.tag_id, -listed, -unanswered); END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN PERFORM question_counts_add('tag', NEW.tag_id, listed, unanswered); END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE CONSTRAINT TRIGGER question_counts_on_question_tag AFTER INSERT OR DELETE OR UPDATE OF tag_id, question_id ON question_tags
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION question_counts_on_question_tag()`);

    await db.query(`INSERT INTO question_counts (scope, scope_id) VALUES ('all', '00000000-0000-0000-0000-000000000000')`);
    await db.query(`
      UPDATE question_counts SET listed = s.listed, unanswered = s.unanswered
        FROM (SELECT count(*)::int AS listed, count(*) FILTER (WHERE answer_count = 0)::int AS unanswered FROM questions WHERE hidden_at IS NULL AND deleted_at IS NULL) s
       WHERE scope = 'all'`);
    await db.query(`
      INSERT INTO question_counts (scope, scope_id, listed, unanswered)
      SELECT 'community', community_id, count(*), count(*) FILTER (WHERE answer_count = 0)
        FROM questions WHERE hidden_at IS NULL AND deleted_at IS NULL GROUP BY community_id`);
    await db.query(`
      INSERT INTO question_counts (scope, scope_id, listed, unanswered)
      SELECT 'tag', qt.tag_id, count(*), count(*) FILTER (WHERE q.answer_count = 0)
        FROM question_tags qt JOIN questions q ON q.id = qt.question_id WHERE q.hidden_at IS NULL AND q.deleted_at IS NULL GROUP BY qt.tag_id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER question_counts_on_question_tag ON question_tags`);
    await db.query(`DROP FUNCTION question_counts_on_question_tag()`);
    await db.query(`DROP TRIGGER question_counts_on_question_change ON questions`);
    await db.query(`DROP TRIGGER question_counts_on_question ON questions`);
    await db.query(`DROP FUNCTION question_counts_on_question()`);
    await db.query(`DROP FUNCTION question_counts_add(text, uuid, integer, integer)`);
    await db.query(`DROP TABLE question_counts`);
  }
}

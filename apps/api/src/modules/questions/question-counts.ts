/** The forum-wide row of question_counts (migration 1764400000020): the nil uuid. */
export const ALL_QUESTIONS_SCOPE_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Recounts question_counts from the questions and their tags. The triggers keep the counts
 * exact as rows change; this is for rows written with triggers off (the scale seed's bulk
 * load), and is what the scale-seed test compares the counts with.
 */
export const RECOUNT_QUESTIONS_SQL = [
  `DELETE FROM question_counts`,
  `INSERT INTO question_counts (scope, scope_id, listed, unanswered)
   SELECT 'all', '${ALL_QUESTIONS_SCOPE_ID}'::uuid, count(*), count(*) FILTER (WHERE answer_count = 0)
     FROM questions WHERE hidden_at IS NULL AND deleted_at IS NULL`,
  `INSERT INTO question_counts (scope, scope_id, listed, unanswered)
   SELECT 'community', community_id, count(*), count(*) FILTER (WHERE answer_count = 0)
     FROM questions WHERE hidden_at IS NULL AND deleted_at IS NULL GROUP BY community_id`,
  `INSERT INTO question_counts (scope, scope_id, listed, unanswered)
   SELECT 'tag', qt.tag_id, count(*), count(*) FILTER (WHERE q.answer_count = 0)
     FROM question_tags qt JOIN questions q ON q.id = qt.question_id
    WHERE q.hidden_at IS NULL AND q.deleted_at IS NULL GROUP BY qt.tag_id`,
];

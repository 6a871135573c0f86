import { MAX_CANDIDATES } from '../modules/search/search.model.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../modules/search/snippet.js';

/**
 * The floor's statements: the fewest hand-written SQL that gives the same answers as the
 * api, against the same schema and indexes. They follow the api's semantics (hidden and
 * deleted posts left out, the same order, an exact totalCount), not its code.
 */

export interface ListFilter {
  communitySlug?: string | null;
  tag?: string | null;
  unanswered?: boolean | null;
}

const TAGS_OF = (question: string) => `coalesce((SELECT json_agg(json_build_object('id', t.id, 'slug', t.slug) ORDER BY qt.position)
                FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_id = ${question}), '[]')`;

/**
 * One statement: a page of the question list with author, community, tags and the total.
 * Totals come from question_counts (kept by triggers), as the api's do; a tag's newest
 * questions are read from question_tags' (tag, creation time, id) index.
 */
export function questionListSql(filter: ListFilter, active: boolean, limit: number, after: [string, string] | null): { sql: string; params: unknown[] } {
  const params: unknown[] = [limit];
  const add = (value: unknown) => (params.push(value), `$${params.length}`);
  const where: string[] = ['q.hidden_at IS NULL', 'q.deleted_at IS NULL'];
  const community = filter.communitySlug ? `(SELECT id FROM communities WHERE slug = ${add(filter.communitySlug)})` : null;
  const tag = filter.tag ? `(SELECT id FROM tags WHERE slug = ${add(filter.tag.trim().toLowerCase())})` : null;
  const column = filter.unanswered ? 'unanswered' : 'listed';
  if (community) where.push(`q.community_id = ${community}`);
  if (filter.unanswered) where.push('q.answer_count = 0');
  const byTag = tag !== null && !active;
  let from = 'questions q';
  if (tag) {
    from = 'question_tags qt JOIN questions q ON q.id = qt.question_id';
    where.push(`qt.tag_id = ${tag}`);
  }
  const total =
    community && tag
      ? `SELECT count(*)::int FROM ${from} WHERE ${where.join(' AND ')}`
      : `SELECT coalesce((SELECT ${column} FROM question_counts WHERE scope = '${community ? 'community' : tag ? 'tag' : 'all'}' AND scope_id = ${community ?? tag ?? `'00000000-0000-0000-0000-000000000000'`}), 0)`;
  const [at, id] = byTag ? ['qt.question_created_at', 'qt.question_id'] : [active ? 'q.last_activity_at' : 'q.created_at', 'q.id'];
  if (after) where.push(`(${at}, ${id}) < (${add(after[0])}::timestamptz, ${add(after[1])}::uuid)`);
  const order = active ? 'last_activity_at' : 'created_at';
  return {
    sql: `WITH page AS (
            SELECT q.id, q.title, q.score, q.view_count, q.answer_count, q.accepted_answer_id, q.closed_reason::text AS closed_reason,
                   q.created_at, q.last_activity_at, q.author_id, q.community_id
              FROM ${from} WHERE ${where.join(' AND ')}
             ORDER BY ${at} DESC, ${id} DESC LIMIT $1)
          SELECT p.*, u.display_name AS author_name, c.slug AS community_slug, c.title AS community_title, ${TAGS_OF('p.id')} AS tags, (${total}) AS total
            FROM page p JOIN users u ON u.id = p.author_id JOIN communities c ON c.id = p.community_id
           ORDER BY p.${order} DESC, p.id DESC`,
    params,
  };
}

const VISIBLE = (alias: string) => `${alias}.hidden_at IS NULL AND ${alias}.deleted_at IS NULL`;
const DUPLICATE_WEIGHT = (alias: string) => `(CASE WHEN ${alias}.duplicate_of_id IS NULL THEN 1 ELSE 0.5 END)`;
const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

const TSQUERY = `websearch_to_tsquery('english', $1)`;
const CURRENT = `NOT EXISTS (SELECT 1 FROM policy_versions later WHERE later.document_id = v.document_id AND (later.major, later.minor) > (v.major, v.minor))`;

/**
 * The search page as the web app asks for it (relevance, no filters, questions and policy
 * sections): the newest MAX_CANDIDATES matches of each kind ranked, a question with its
 * answers as one result, the page with what its JSON shows of each result, and the total.
 * The snippets need the page's text read as plain text first, so they are a second
 * statement (floorSnippetsSql), as in the api.
 */
export const floorSearchSql = `
  WITH question_candidates AS (
         SELECT q.id, q.search_vector, q.created_at, q.score, ${DUPLICATE_WEIGHT('q')} AS weight
           FROM questions q WHERE q.search_vector @@ ${TSQUERY} AND ${VISIBLE('q')}
          ORDER BY q.created_at DESC, q.id DESC LIMIT ${MAX_CANDIDATES}),
       answer_candidates AS (
         SELECT a.id, a.question_id, a.search_vector, q.created_at, q.score, ${DUPLICATE_WEIGHT('q')} AS weight
           FROM answers a JOIN questions q ON q.id = a.question_id
          WHERE a.search_vector @@ ${TSQUERY} AND ${VISIBLE('a')} AND ${VISIBLE('q')}
          ORDER BY a.created_at DESC, a.id DESC LIMIT ${MAX_CANDIDATES}),
       question_matches AS (
         SELECT c.id AS question_id, NULL::uuid AS answer_id, ts_rank_cd(c.search_vector, ${TSQUERY})::float8 AS rank, c.created_at, c.weight FROM question_candidates c
         UNION ALL
         SELECT c.question_id, c.id, ts_rank_cd(c.search_vector, ${TSQUERY})::float8, c.created_at, c.weight FROM answer_candidates c),
       questions_found AS (
         SELECT question_id, max(rank) FILTER (WHERE answer_id IS NULL) AS question_rank, max(rank) FILTER (WHERE answer_id IS NOT NULL) AS answer_rank,
                (array_agg(answer_id ORDER BY rank DESC, answer_id) FILTER (WHERE answer_id IS NOT NULL))[1] AS best_answer_id,
                count(answer_id)::int AS matching_answers, min(created_at) AS created_at, min(weight) AS weight
           FROM question_matches GROUP BY question_id),
       section_candidates AS (
         SELECT ps.id, ps.version_id, v.document_id, ps.anchor, ps.fingerprint, v.major, v.minor, true AS is_current,
                (v.published_on::timestamp AT TIME ZONE 'UTC') AS at, ps.search_vector
           FROM policy_sections ps JOIN policy_versions v ON v.id = ps.version_id
          WHERE ps.search_vector @@ ${TSQUERY} AND ${CURRENT}
          ORDER BY v.published_on DESC, v.major DESC, v.minor DESC, ps.id DESC LIMIT ${MAX_CANDIDATES}),
       sections_found AS (
         SELECT DISTINCT ON (c.document_id, c.anchor, c.fingerprint) c.*, ts_rank_cd(c.search_vector, ${TSQUERY})::float8 AS rank
           FROM section_candidates c ORDER BY c.document_id, c.anchor, c.fingerprint, c.major DESC, c.minor DESC),
       results AS (
         SELECT 'question' AS kind, f.question_id AS id, CASE WHEN f.question_rank IS NULL THEN f.best_answer_id END AS answer_id,
                f.question_rank IS NOT NULL AS question_matches, f.matching_answers, NULL::uuid AS version_id, NULL::boolean AS is_current,
                ((coalesce(f.question_rank, 0) + coalesce(f.answer_rank, 0)) * f.weight)::float8 AS rank, f.created_at::timestamptz AS at
           FROM questions_found f
         UNION ALL
         SELECT 'policySection', f.id, NULL, NULL, NULL, f.version_id, f.is_current, f.rank, f.at FROM sections_found f),
       page AS (
         SELECT r.*, extract(epoch FROM r.at)::float8 AS k2 FROM results r
          ORDER BY r.rank DESC, extract(epoch FROM r.at)::float8 DESC, r.id DESC LIMIT $2)
  SELECT (SELECT count(*) FROM results)::int AS total,
         ((SELECT count(*) FROM question_candidates) >= ${MAX_CANDIDATES} OR (SELECT count(*) FROM answer_candidates) >= ${MAX_CANDIDATES}
           OR (SELECT count(*) FROM section_candidates) >= ${MAX_CANDIDATES}) AS capped,
         page.kind, page.id, page.answer_id, page.matching_answers, page.is_current, page.rank, page.k2,
         CASE WHEN page.kind = 'policySection' THEN ps.title WHEN page.question_matches THEN q.title END AS snippet_title,
         coalesce(a.body, q.body, ps.body, '') AS snippet_body,
         hq.title, hq.answer_count, hq.created_at, hq.score, c.id AS community_id, c.slug AS community_slug, c.title AS community_title,
         CASE WHEN page.kind = 'question' THEN ${TAGS_OF('hq.id')} END AS tags,
         ps.anchor, ps.title AS section_title, v.id AS version_id, v.version, v.published_on::text AS published_on, d.id AS document_id, d.slug AS document_slug, d.title AS document_title
    FROM page
    LEFT JOIN questions hq ON page.kind = 'question' AND hq.id = page.id
    LEFT JOIN communities c ON c.id = hq.community_id
    LEFT JOIN questions q ON page.kind = 'question' AND q.id = page.id AND page.question_matches
    LEFT JOIN answers a ON page.kind = 'question' AND a.id = page.answer_id
    LEFT JOIN policy_sections ps ON page.kind = 'policySection' AND ps.id = page.id
    LEFT JOIN policy_versions v ON v.id = ps.version_id
    LEFT JOIN policy_documents d ON d.id = v.document_id
   ORDER BY page.rank DESC, page.k2 DESC, page.id DESC`;

/** The second statement of a search page: PostgreSQL's highlighted fragments of the page's plain texts. */
export const floorSnippetsSql = `
  SELECT ts_headline('english', t.text, ${TSQUERY}, '${HEADLINE_OPTIONS}') AS headline
    FROM unnest($2::text[]) WITH ORDINALITY AS t(text, position) ORDER BY t.position`;

const TIME = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const USER = (id: string) => `(SELECT json_build_object('__typename', 'User', 'displayName', u.display_name, 'id', u.id) FROM users u WHERE u.id = ${id})`;

/** What an anonymous visitor is told about moderating a post: nothing they may do. */
const MODERATION = (alias: string) => `json_build_object('__typename', 'PostModeration',
    'removalReason', CASE WHEN ${alias}.deleted_at IS NOT NULL OR ${alias}.hidden_at IS NOT NULL THEN ${alias}.removal_reason END,
    'reviewRequested', false, 'viewerCanDelete', false, 'viewerCanEdit', false, 'viewerCanFlag', false, 'viewerCanModerate', false, 'viewerHasFlagged', false,
    'visibility', CASE WHEN ${alias}.deleted_at IS NOT NULL THEN 'DELETED' WHEN ${alias}.hidden_at IS NOT NULL THEN 'HIDDEN' ELSE 'VISIBLE' END)`;

const COMMENTS = (column: string, post: string) => `coalesce((
    SELECT json_agg(json_build_object('__typename', 'Comment', 'author', ${USER('c.author_id')},
             'body', CASE WHEN c.hidden_at IS NULL AND c.deleted_at IS NULL THEN c.body ELSE '' END,
             'createdAt', ${TIME('c.created_at')}, 'editedAt', ${TIME('c.edited_at')}, 'id', c.id, 'moderation', ${MODERATION('c')}) ORDER BY c.created_at, c.id)
      FROM (SELECT * FROM comments WHERE ${column} = ${post} ORDER BY created_at, id LIMIT 20) c), '[]')`;

const REVISIONS = (column: string, post: string, readable: string) => `CASE WHEN ${readable} THEN coalesce((
    SELECT json_agg(json_build_object('__typename', 'PostRevision', 'body', r.body, 'editedAt', ${TIME('r.edited_at')}, 'editedBy', ${USER('r.edited_by')}, 'title', r.title) ORDER BY r.revision)
      FROM (SELECT * FROM post_revisions WHERE ${column} = ${post} ORDER BY revision DESC LIMIT 10) r), '[]') ELSE '[]' END`;

const CITATIONS = (column: string, post: string) => `coalesce((
    SELECT json_agg(json_build_object('__typename', 'Citation',
             'changedIn', CASE WHEN fc.id IS NOT NULL THEN json_build_object('__typename', 'PolicyVersion', 'id', fc.id, 'version', fc.version) END,
             'document', json_build_object('__typename', 'PolicyDocument', 'id', d.id, 'slug', d.slug, 'title', d.title),
             'id', c.id,
             'latestReference', CASE WHEN lv.id <> v.id AND ls.id IS NOT NULL THEN 'policy:' || d.slug || '@' || lv.version || '#' || s.anchor END,
             'latestVersion', json_build_object('__typename', 'PolicyVersion', 'id', lv.id, 'version', lv.version),
             'reference', c.reference,
             'section', json_build_object('__typename', 'PolicySection', 'anchor', s.anchor, 'title', s.title),
             'status', CASE WHEN lv.id = v.id THEN 'CURRENT' WHEN ls.id IS NULL THEN 'REMOVED' WHEN ls.fingerprint = s.fingerprint THEN 'UNCHANGED' ELSE 'CHANGED' END,
             'version', json_build_object('__typename', 'PolicyVersion', 'id', v.id, 'version', v.version)) ORDER BY c.position, c.created_at, c.id)
      FROM (SELECT * FROM citations WHERE ${column} = ${post} ORDER BY position, created_at, id LIMIT 20) c
      JOIN policy_versions v ON v.id = c.version_id
      JOIN policy_documents d ON d.id = v.document_id
      JOIN policy_sections s ON s.id = c.section_id
      JOIN LATERAL (SELECT l.id, l.version FROM policy_versions l WHERE l.document_id = v.document_id ORDER BY l.major DESC, l.minor DESC LIMIT 1) lv ON true
      LEFT JOIN policy_sections ls ON ls.version_id = lv.id AND ls.anchor = s.anchor
      -- The first later version that changed or removed the section, if any.
      LEFT JOIN LATERAL (
        SELECT cv.id, cv.version FROM policy_versions cv
          LEFT JOIN policy_sections cs ON cs.version_id = cv.id AND cs.anchor = s.anchor
         WHERE lv.id <> v.id AND cv.document_id = v.document_id AND (cv.major, cv.minor) > (v.major, v.minor)
           AND (cs.id IS NULL OR cs.fingerprint <> s.fingerprint)
         ORDER BY cv.major, cv.minor LIMIT 1) fc ON true), '[]')`;

/** One statement: the question page's whole answer for an anonymous visitor, as JSON. */
export const floorQuestionPageSql = `
  SELECT json_build_object('__typename', 'Question',
    'acceptedAnswer', CASE WHEN q.accepted_answer_id IS NOT NULL THEN json_build_object('__typename', 'Answer', 'id', q.accepted_answer_id) END,
    'answerCount', q.answer_count,
    'answers', coalesce((
      SELECT json_agg(json_build_object('__typename', 'Answer', 'author', ${USER('a.author_id')},
               'body', CASE WHEN a.hidden_at IS NULL AND a.deleted_at IS NULL THEN a.body ELSE '' END,
               'citations', ${CITATIONS('answer_id', 'a.id')},
               'comments', ${COMMENTS('answer_id', 'a.id')},
               'createdAt', ${TIME('a.created_at')}, 'id', a.id, 'isAccepted', a.id IS NOT DISTINCT FROM q.accepted_answer_id,
               'moderation', ${MODERATION('a')},
               'revisions', ${REVISIONS('answer_id', 'a.id', 'a.hidden_at IS NULL AND a.deleted_at IS NULL')},
               'score', a.score, 'viewerVote', 'NONE') ORDER BY a.rank)
        FROM (SELECT *, row_number() OVER (ORDER BY (id = q.accepted_answer_id) DESC NULLS LAST, score DESC, created_at ASC, id) AS rank
                FROM answers WHERE question_id = q.id ORDER BY rank LIMIT 50) a), '[]'),
    'author', ${USER('q.author_id')},
    'body', q.body,
    'citations', ${CITATIONS('question_id', 'q.id')},
    'comments', ${COMMENTS('question_id', 'q.id')},
    'community', (SELECT json_build_object('__typename', 'Community', 'id', c.id, 'slug', c.slug, 'title', c.title) FROM communities c WHERE c.id = q.community_id),
    'createdAt', ${TIME('q.created_at')},
    'id', q.id,
    'lastActivityAt', ${TIME('q.last_activity_at')},
    'revisions', ${REVISIONS('question_id', 'q.id', 'true')},
    'score', q.score,
    'tags', (SELECT coalesce(json_agg(json_build_object('__typename', 'Tag', 'id', t.id, 'slug', t.slug) ORDER BY qt.position), '[]')
               FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_id = q.id),
    'title', q.title,
    'viewCount', q.view_count,
    'viewerVote', 'NONE',
    'closedAt', ${TIME('q.closed_at')}, 'closedNote', q.closed_note, 'closedReason', q.closed_reason,
    'duplicateOf', (SELECT json_build_object('__typename', 'Question', 'id', d.id, 'title', d.title) FROM questions d WHERE d.id = q.duplicate_of_id),
    'isLocked', q.locked_at IS NOT NULL,
    'moderation', ${MODERATION('q')},
    'viewerCanAnswer', false) AS question
    FROM questions q WHERE q.id = $1`;

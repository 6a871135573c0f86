import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InputValidationException } from '../../common/errors.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../../common/pagination.js';
import type { QuestionEntity } from '../questions/question.entity.js';
import { QuestionsService } from '../questions/questions.service.js';
import { markdownToPlainText } from './plain-text.js';
import { MAX_CANDIDATES, SearchOrder, SearchResultType } from './search.model.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, highlightSnippet, similarityQuery, similarityWords } from './snippet.js';

/** What a search looks for besides its words: the filters of SearchFilter. */
/** How many of the newest title matches a similar-questions suggestion ranks. */
const SIMILAR_CANDIDATES = 1000;

export interface SearchCriteria {
  types?: readonly SearchResultType[] | null;
  communitySlug?: string | null;
  tag?: string | null;
  answered?: boolean | null;
  since?: Date | null;
  before?: Date | null;
  includeSupersededVersions?: boolean | null;
}

export interface FoundQuestion {
  kind: 'question';
  questionId: string;
  /** Set when only answers match: the snippet is from this one, the best of them. */
  answerId: string | null;
  matchingAnswerCount: number;
  rank: number;
  snippet: string;
  cursor: string;
}

export interface FoundPolicySection {
  kind: 'policySection';
  sectionId: string;
  versionId: string;
  documentId: string;
  isCurrentVersion: boolean;
  rank: number;
  snippet: string;
  cursor: string;
}

export interface SearchPage {
  results: (FoundQuestion | FoundPolicySection)[];
  hasNextPage: boolean;
  totalCount: number;
  /** More posts (or sections) matched than are ranked: the count is of the newest MAX_CANDIDATES of each kind. */
  totalCountIsLowerBound: boolean;
}

interface PageRow {
  total: number;
  capped: boolean;
  kind: 'question' | 'policySection' | null;
  id: string;
  answer_id: string | null;
  question_matches: boolean | null;
  matching_answers: number | null;
  version_id: string | null;
  document_id: string | null;
  is_current: boolean | null;
  rank: number;
  k1: number;
  k2: number;
  k3: number;
  snippet_title: string | null;
  snippet_body: string;
}

/** Hidden and deleted posts (and answers of such questions) are never found. */
const VISIBLE = (alias: string) => `${alias}.hidden_at IS NULL AND ${alias}.deleted_at IS NULL`;
/** A question closed as a duplicate ranks below its target, which says the same thing. */
const DUPLICATE_WEIGHT = (alias: string) => `(CASE WHEN ${alias}.duplicate_of_id IS NULL THEN 1 ELSE 0.5 END)`;
const EPOCH = (column: string) => `extract(epoch FROM ${column})::float8`;
/** The words searched for, as PostgreSQL reads them; written out (not a CTE) so the planner sees the words and how common they are. */
const TSQUERY = `websearch_to_tsquery('english', $1)`;


/**
 * Each order is a keyset of three numbers and the id, all descending, so every page is
 * "the next `first` results after this position": no OFFSET, and a deep page costs what
 * the first one does.
 */
const SORT_KEYS: Record<SearchOrder, [string, string, string]> = {
  [SearchOrder.RELEVANCE]: ['r.rank', EPOCH('r.at'), '0::float8'],
  [SearchOrder.NEWEST]: [EPOCH('r.at'), 'r.rank', '0::float8'],
  // Sections have no votes: they come after every question, best match first.
  [SearchOrder.VOTES]: [`(r.kind = 'question')::int::float8`, 'coalesce(r.score, 0)::float8', 'r.rank'],
};

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search with PostgreSQL over questions (with their answers) and policy
 * sections. Weights: question titles and section headings A, question bodies and section
 * text B, answers C; stored vectors with GIN indexes.
 *
 * A question and its matching answers are one result, ranked by the question's own match
 * plus its best answer's. Sections of current versions are searched; superseded ones on
 * request, each text once (a section unchanged since an older version is found in the newer).
 *
 * Each kind's newest MAX_CANDIDATES matches are ranked (all of them, in a typical search),
 * and a page is the next `first` after a keyset position: neither ranking nor paging grows
 * with how common the words are or how deep the page is.
 *
 * Two statements per page: one finds the page (with the total), the other makes snippets
 * for that page only, from the text as readers see it (Markdown read as plain text here,
 * between the two).
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsService,
  ) {}

  async search(text: string, criteria: SearchCriteria, order: SearchOrder, first: number, after: string | undefined): Promise<SearchPage> {
    checkPageSize(first);
    const query = text.trim();
    if (!query) throw new InputValidationException('query', 'Type some words to search for.');
    if (query.length > 200) throw new InputValidationException('query', 'Search for at most 200 characters.');
    const position = after ? this.decodePosition(after, order) : null;

    const params: unknown[] = [query];
    const param = (value: unknown): string => {
      params.push(value);
      return `$${params.length}`;
    };

    const types = new Set(criteria.types?.length ? criteria.types : [SearchResultType.QUESTION, SearchResultType.POLICY_SECTION]);
    const communitySlug = criteria.communitySlug?.trim();
    const tag = criteria.tag?.trim().toLowerCase();
    const answered = criteria.answered ?? null;
    const questionOnly = !!communitySlug || !!tag || answered !== null;

    const questionFilters: string[] = [];
    if (communitySlug) questionFilters.push(`q.community_id = (SELECT c.id FROM communities c WHERE c.slug = ${param(communitySlug)})`);
    if (tag) questionFilters.push(`EXISTS (SELECT 1 FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_id = q.id AND t.slug = ${param(tag)})`);
    if (answered !== null) questionFilters.push(answered ? 'q.answer_count > 0' : 'q.answer_count = 0');
    const sectionFilters: string[] = [];
    const publishedAt = `(v.published_on::timestamp AT TIME ZONE 'UTC')`;
    if (criteria.since) {
      const since = param(criteria.since.toISOString());
      questionFilters.push(`q.created_at >= ${since}::timestamptz`);
      sectionFilters.push(`${publishedAt} >= ${since}::timestamptz`);
    }
    if (criteria.before) {
      const before = param(criteria.before.toISOString());
      questionFilters.push(`q.created_at < ${before}::timestamptz`);
      sectionFilters.push(`${publishedAt} < ${before}::timestamptz`);
    }
    const andAll = (conditions: string[]) => conditions.map((c) => ` AND ${c}`).join('');

    const sources: { ctes: string[]; results: string; capped: string }[] = [];
    if (types.has(SearchResultType.QUESTION)) {
      sources.push({
        ctes: [
          // The newest candidates of each kind; ranked after the cut, so only they are ranked.
          `question_candidates AS (
             SELECT q.id, q.search_vector, q.created_at, q.score, ${DUPLICATE_WEIGHT('q')} AS weight
               FROM questions q
              WHERE q.search_vector @@ ${TSQUERY} AND ${VISIBLE('q')}${andAll(questionFilters)}
              ORDER BY q.created_at DESC, q.id DESC LIMIT ${MAX_CANDIDATES}
           )`,
          `answer_candidates AS (
             SELECT a.id, a.question_id, a.search_vector, q.created_at, q.score, ${DUPLICATE_WEIGHT('q')} AS weight
               FROM answers a JOIN questions q ON q.id = a.question_id
              WHERE a.search_vector @@ ${TSQUERY} AND ${VISIBLE('a')} AND ${VISIBLE('q')}${andAll(questionFilters)}
              ORDER BY a.created_at DESC, a.id DESC LIMIT ${MAX_CANDIDATES}
           )`,
          `question_matches AS (
             SELECT c.id AS question_id, NULL::uuid AS answer_id, ts_rank_cd(c.search_vector, ${TSQUERY})::float8 AS rank, c.created_at, c.score, c.weight
               FROM question_candidates c
             UNION ALL
             SELECT c.question_id, c.id, ts_rank_cd(c.search_vector, ${TSQUERY})::float8, c.created_at, c.score, c.weight
               FROM answer_candidates c
           )`,
          `questions_found AS (
             SELECT question_id,
                    max(rank) FILTER (WHERE answer_id IS NULL) AS question_rank,
                    max(rank) FILTER (WHERE answer_id IS NOT NULL) AS answer_rank,
                    (array_agg(answer_id ORDER BY rank DESC, answer_id) FILTER (WHERE answer_id IS NOT NULL))[1] AS best_answer_id,
                    count(answer_id)::int AS matching_answers,
                    min(created_at) AS created_at, min(score) AS score, min(weight) AS weight
               FROM question_matches GROUP BY question_id
           )`,
        ],
        results: `SELECT 'question' AS kind, f.question_id AS id,
                         CASE WHEN f.question_rank IS NULL THEN f.best_answer_id END AS answer_id,
                         f.question_rank IS NOT NULL AS question_matches, f.matching_answers,
                         NULL::uuid AS version_id, NULL::uuid AS document_id, NULL::boolean AS is_current,
                         ((coalesce(f.question_rank, 0) + coalesce(f.answer_rank, 0)) * f.weight)::float8 AS rank,
                         f.created_at::timestamptz AS at, f.score
                    FROM questions_found f`,
        capped: `(SELECT count(*) FROM question_candidates) >= ${MAX_CANDIDATES} OR (SELECT count(*) FROM answer_candidates) >= ${MAX_CANDIDATES}`,
      });
    }
    if (types.has(SearchResultType.POLICY_SECTION) && !questionOnly) {
      const current = `NOT EXISTS (SELECT 1 FROM policy_versions later WHERE later.document_id = v.document_id AND (later.major, later.minor) > (v.major, v.minor))`;
      const candidates = `SELECT ps.id, ps.version_id, v.document_id, ps.anchor, ps.fingerprint, v.major, v.minor, ${current} AS is_current, ${publishedAt} AS at, ps.search_vector
                            FROM policy_sections ps JOIN policy_versions v ON v.id = ps.version_id
                           WHERE ps.search_vector @@ ${TSQUERY}${criteria.includeSupersededVersions ? '' : ` AND ${current}`}${andAll(sectionFilters)}
                           ORDER BY v.published_on DESC, v.major DESC, v.minor DESC, ps.id DESC LIMIT ${MAX_CANDIDATES}`;
      sources.push({
        ctes: [
          `section_candidates AS (${candidates})`,
          // Each text once: a superseded version's section is found only where its text differs from a later one's.
          `sections_found AS (
             SELECT DISTINCT ON (c.document_id, c.anchor, c.fingerprint) c.*, ts_rank_cd(c.search_vector, ${TSQUERY})::float8 AS rank
               FROM section_candidates c
              ORDER BY c.document_id, c.anchor, c.fingerprint, c.major DESC, c.minor DESC
           )`,
        ],
        results: `SELECT 'policySection' AS kind, f.id, NULL::uuid AS answer_id, NULL::boolean AS question_matches, NULL::int AS matching_answers,
                         f.version_id, f.document_id, f.is_current, f.rank, f.at, NULL::int AS score
                    FROM sections_found f`,
        capped: `(SELECT count(*) FROM section_candidates) >= ${MAX_CANDIDATES}`,
      });
    }
    if (!sources.length) return { results: [], hasNextPage: false, totalCount: 0, totalCountIsLowerBound: false };

    const [k1, k2, k3] = SORT_KEYS[order];
    const after_ = position
      ? `WHERE (r.k1, r.k2, r.k3, r.id) < (${param(position.keys[0])}::float8, ${param(position.keys[1])}::float8, ${param(position.keys[2])}::float8, ${param(position.id)}::uuid)`
      : '';
    const limit = param(first + 1);
    const rows = (await this.db.query(
      `WITH ${sources.flatMap((s) => s.ctes).join(',\n')},
       results AS (${sources.map((s) => s.results).join('\nUNION ALL\n')}),
       keyed AS (SELECT r.*, ${k1} AS k1, ${k2} AS k2, ${k3} AS k3 FROM results r),
       page AS (
         SELECT * FROM keyed r ${after_}
          ORDER BY r.k1 DESC, r.k2 DESC, r.k3 DESC, r.id DESC
          LIMIT ${limit}
       )
       SELECT totals.total, totals.capped, page.kind, page.id, page.answer_id, page.question_matches, page.matching_answers,
              page.version_id, page.document_id, page.is_current, page.rank, page.k1, page.k2, page.k3,
              CASE WHEN page.kind = 'policySection' THEN ps.title WHEN page.question_matches THEN q.title END AS snippet_title,
              coalesce(a.body, q.body, ps.body, '') AS snippet_body
         FROM (SELECT (SELECT count(*) FROM results)::int AS total, (${sources.map((s) => s.capped).join(' OR ')}) AS capped) totals
         LEFT JOIN page ON true
         LEFT JOIN questions q ON page.kind = 'question' AND q.id = page.id AND page.question_matches
         LEFT JOIN answers a ON page.kind = 'question' AND a.id = page.answer_id
         LEFT JOIN policy_sections ps ON page.kind = 'policySection' AND ps.id = page.id
        ORDER BY page.k1 DESC, page.k2 DESC, page.k3 DESC, page.id DESC`,
      params,
    )) as PageRow[];

    const totalCount = rows[0]?.total ?? 0;
    const totalCountIsLowerBound = rows[0]?.capped ?? false;
    const found = rows.filter((row) => row.kind !== null).slice(0, first);
    const snippets = await this.snippets(
      query,
      found.map((row) => {
        const body = markdownToPlainText(row.snippet_body);
        return row.snippet_title ? `${row.snippet_title} — ${body}` : body;
      }),
    );
    return {
      results: found.map((row, i): FoundQuestion | FoundPolicySection => {
        const cursor = encodeCursor([order, String(row.k1), String(row.k2), String(row.k3), row.id]);
        return row.kind === 'question'
          ? { kind: 'question', questionId: row.id, answerId: row.answer_id, matchingAnswerCount: row.matching_answers ?? 0, rank: row.rank, snippet: snippets[i], cursor }
          : {
              kind: 'policySection',
              sectionId: row.id,
              versionId: row.version_id!,
              documentId: row.document_id!,
              isCurrentVersion: row.is_current === true,
              rank: row.rank,
              snippet: snippets[i],
              cursor,
            };
      }),
      hasNextPage: rows.filter((row) => row.kind !== null).length > first,
      totalCount,
      totalCountIsLowerBound,
    };
  }

  /** Existing questions that share words with a title being typed, best match first. */
  async similarQuestions(title: string, first: number): Promise<QuestionEntity[]> {
    if (!Number.isInteger(first) || first < 1 || first > 20) throw new InputValidationException('first', 'first must be between 1 and 20.');
    const anyWord = similarityQuery(title);
    if (!anyWord) return [];
    // Titles only, through their own stored vector and GIN index, and a bounded number of
    // them: one request per keystroke, and a common word ("policy") matches most titles
    // (ranking all of them took 300 ms at 100,000 questions). The candidates are the newest
    // titles with every word, then the newest with any word, 1,000 of each at most.
    // A question closed as a duplicate points people at its target instead, once.
    const rows = (await this.db.query(
      `WITH candidates AS (
         (SELECT q.id, q.duplicate_of_id, q.title_vector
            FROM questions q, websearch_to_tsquery('english', $3) query
           WHERE q.title_vector @@ query AND ${VISIBLE('q')}
           ORDER BY q.created_at DESC
           LIMIT ${SIMILAR_CANDIDATES})
         UNION
         (SELECT q.id, q.duplicate_of_id, q.title_vector
            FROM questions q, websearch_to_tsquery('english', $1) query
           WHERE q.title_vector @@ query AND ${VISIBLE('q')}
           ORDER BY q.created_at DESC
           LIMIT ${SIMILAR_CANDIDATES})
       ),
       ranked AS (
         SELECT coalesce(c.duplicate_of_id, c.id) AS id, ts_rank(c.title_vector, query) AS rank
           FROM candidates c, websearch_to_tsquery('english', $1) query
       ),
       best AS (SELECT DISTINCT ON (id) * FROM ranked ORDER BY id, rank DESC)
       SELECT t.id FROM best JOIN questions t ON t.id = best.id AND ${VISIBLE('t')}
        ORDER BY best.rank DESC, t.created_at DESC
        LIMIT $2`,
      [anyWord, first, similarityWords(title).join(' ')],
    )) as { id: string }[];
    if (!rows.length) return [];
    const byId = new Map((await this.questions.byIds(rows.map((r) => r.id))).map((q) => [q.id, q]));
    return rows.map((r) => byId.get(r.id)).filter((q): q is QuestionEntity => q !== undefined);
  }

  /** Highlighted snippets of the page's texts, in their order; PostgreSQL picks the fragments, as it matched the words. */
  private async snippets(query: string, texts: string[]): Promise<string[]> {
    if (!texts.length) return [];
    const rows = (await this.db.query(
      `SELECT ts_headline('english', t.text, websearch_to_tsquery('english', $1), $2) AS headline
         FROM unnest($3::text[]) WITH ORDINALITY AS t(text, position)
        ORDER BY t.position`,
      [query, HEADLINE_OPTIONS, texts],
    )) as { headline: string }[];
    return rows.map((row) => highlightSnippet(row.headline));
  }

  /** A cursor this search gave out: its order, its three sort keys and the result's id. */
  private decodePosition(after: string, order: SearchOrder): { keys: [number, number, number]; id: string } {
    const [cursorOrder, ...rest] = decodeCursor(after, ['string', 'string', 'string', 'string', 'uuid']) as string[];
    if (cursorOrder !== order) throw new InputValidationException('after', 'That page cursor is from another sort order; start again from the first page.');
    const keys = rest.slice(0, 3).map(Number);
    if (rest.slice(0, 3).some((key) => key.trim() === '') || !keys.every(Number.isFinite)) {
      throw new InputValidationException('after', 'That page cursor is not valid; start again from the first page.');
    }
    return { keys: keys as [number, number, number], id: rest[3] };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { InputValidationException } from '../../common/errors.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../../common/pagination.js';
import type { QuestionEntity } from '../questions/question.entity.js';
import { QuestionsService } from '../questions/questions.service.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, highlightSnippet, similarityQuery } from './snippet.js';

export interface SearchPage {
  hits: { questionId: string; answerId: string | null; rank: number; snippet: string; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

/** Hidden and deleted posts (and answers of such questions) are never found. */
const VISIBLE = (alias: string) => `${alias}.hidden_at IS NULL AND ${alias}.deleted_at IS NULL`;
/** A question closed as a duplicate ranks below its target, which says the same thing. */
const DUPLICATE_WEIGHT = (alias: string) => `(CASE WHEN ${alias}.duplicate_of_id IS NULL THEN 1 ELSE 0.5 END)`;

const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * Full-text search over questions and answers with PostgreSQL: title words weigh most
 * (A), question bodies next (B), answers after (C); GIN indexes on generated vectors.
 */
@Injectable()
export class SearchService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsService,
  ) {}

  async search(text: string, first: number, after: string | undefined): Promise<SearchPage> {
    checkPageSize(first);
    const query = text.trim();
    if (!query) throw new InputValidationException('query', 'Type some words to search for.');
    if (query.length > 200) throw new InputValidationException('query', 'Search for at most 200 characters.');
    const offset = after ? Number(decodeCursor(after, ['number'])[0]) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw new InputValidationException('after', 'That page cursor is not valid; start again from the first page.');

    const rows = (await this.db.query(
      `WITH search AS (SELECT websearch_to_tsquery('english', $1) AS query),
       matches AS (
         SELECT q.id AS question_id, NULL::uuid AS answer_id, ts_rank_cd(q.search_vector, s.query) * ${DUPLICATE_WEIGHT('q')} AS rank, q.created_at
           FROM questions q, search s WHERE q.search_vector @@ s.query AND ${VISIBLE('q')}
         UNION ALL
         SELECT a.question_id, a.id, ts_rank_cd(a.search_vector, s.query) * ${DUPLICATE_WEIGHT('aq')}, a.created_at
           FROM answers a JOIN questions aq ON aq.id = a.question_id, search s
          WHERE a.search_vector @@ s.query AND ${VISIBLE('a')} AND ${VISIBLE('aq')}
       ),
       page AS (
         SELECT *, count(*) OVER () AS total FROM matches
         ORDER BY rank DESC, created_at DESC, question_id, answer_id NULLS FIRST
         LIMIT $2 OFFSET $3
       )
       SELECT page.question_id AS "questionId", page.answer_id AS "answerId", page.rank::float8 AS rank, page.total::int AS total,
              ts_headline('english', coalesce(a.body, q.title || ' — ' || q.body), s.query, $4) AS headline
         FROM page
         JOIN questions q ON q.id = page.question_id
         LEFT JOIN answers a ON a.id = page.answer_id
         CROSS JOIN search s
        ORDER BY page.rank DESC, page.created_at DESC, page.question_id, page.answer_id NULLS FIRST`,
      [query, first + 1, offset, HEADLINE_OPTIONS],
    )) as { questionId: string; answerId: string | null; rank: number; total: number; headline: string }[];

    const page = rows.slice(0, first);
    return {
      hits: page.map((row, i) => ({
        questionId: row.questionId,
        answerId: row.answerId,
        rank: row.rank,
        snippet: highlightSnippet(row.headline),
        cursor: encodeCursor([offset + i + 1]),
      })),
      hasNextPage: rows.length > first,
      totalCount: rows[0]?.total ?? (offset > 0 ? await this.count(query) : 0),
    };
  }

  /** Existing questions that share words with a title being typed, best match first. */
  async similarQuestions(title: string, first: number): Promise<QuestionEntity[]> {
    if (!Number.isInteger(first) || first < 1 || first > 20) throw new InputValidationException('first', 'first must be between 1 and 20.');
    const query = similarityQuery(title);
    if (!query) return [];
    // A question closed as a duplicate points people at its target instead, once.
    const rows = (await this.db.query(
      `WITH ranked AS (
         SELECT coalesce(q.duplicate_of_id, q.id) AS id,
                ts_rank(setweight(to_tsvector('english', q.title), 'A'), query) AS title_rank, ts_rank(q.search_vector, query) AS rank
           FROM questions q, websearch_to_tsquery('english', $1) query
          WHERE q.search_vector @@ query AND ${VISIBLE('q')}
       ),
       best AS (SELECT DISTINCT ON (id) * FROM ranked ORDER BY id, title_rank DESC, rank DESC)
       SELECT t.id FROM best JOIN questions t ON t.id = best.id AND ${VISIBLE('t')}
        ORDER BY best.title_rank DESC, best.rank DESC, t.created_at DESC
        LIMIT $2`,
      [query, first],
    )) as { id: string }[];
    if (!rows.length) return [];
    const byId = new Map((await this.questions.byIds(rows.map((r) => r.id))).map((q) => [q.id, q]));
    return rows.map((r) => byId.get(r.id)).filter((q): q is QuestionEntity => q !== undefined);
  }

  private async count(query: string): Promise<number> {
    const [{ total }] = (await this.db.query(
      `WITH search AS (SELECT websearch_to_tsquery('english', $1) AS query)
       SELECT ((SELECT count(*) FROM questions q, search s WHERE q.search_vector @@ s.query AND ${VISIBLE('q')})
             + (SELECT count(*) FROM answers a JOIN questions aq ON aq.id = a.question_id, search s
                 WHERE a.search_vector @@ s.query AND ${VISIBLE('a')} AND ${VISIBLE('aq')}))::int AS total`,
      [query],
    )) as { total: number }[];
    return total;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { QuestionEntity, QuestionTagEntity, TagEntity } from './question.entity.js';
import { sitemapPageEnd } from '../../common/sitemap-pages.js';

/** A question's place in the sitemap's order: creation time, then id. */
export interface QuestionSitemapKey {
  createdAt: Date;
  id: string;
}

const READABLE = 'q.hidden_at IS NULL AND q.deleted_at IS NULL';

/**
 * What the questions module shows the open web (Atom feeds, sitemaps): only questions
 * people can read, never hidden or deleted ones, as every list in the app.
 *
 * Sitemap files are keyset pages over *every* question in (created_at, id) order, of which
 * only the readable ones are written: the page boundaries are then an index-only walk of
 * questions_created_idx, never a count of readable rows, and since questions are never
 * removed from the table and new ones sort last, a page keeps its questions as the forum
 * grows; only the last file grows, and then a new one starts.
 */
@Injectable()
export class PublishedQuestions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findTag(slug: string): Promise<TagEntity | null> {
    return this.db.getRepository(TagEntity).findOneBy({ slug });
  }

  /** The newest readable questions of the forum, of one community or with one tag. */
  newest(scope: { communityId?: string; tagId?: string }, limit: number): Promise<QuestionEntity[]> {
    const qb = this.db.getRepository(QuestionEntity).createQueryBuilder('q').where(READABLE);
    if (scope.communityId) qb.andWhere('q.community_id = :communityId', { communityId: scope.communityId });
    if (scope.tagId) {
      // question_tags keeps the question's creation time beside the tag (indexed), so a tag's newest come from one index range.
      return qb
        .innerJoin(QuestionTagEntity, 'qt', 'qt.question_id = q.id AND qt.tag_id = :tagId', { tagId: scope.tagId })
        .orderBy('qt.question_created_at', 'DESC')
        .addOrderBy('qt.question_id', 'DESC')
        .limit(limit)
        .getMany();
    }
    return qb.orderBy('q.created_at', 'DESC').addOrderBy('q.id', 'DESC').limit(limit).getMany();
  }

  /** When each of these communities last got a readable question (communities without one are absent). */
  async newestInCommunities(communityIds: readonly string[]): Promise<Map<string, Date>> {
    const rows = (await this.db.query(
      `SELECT c.id, newest.created_at AS "createdAt"
         FROM unnest($1::uuid[]) AS c(id)
         CROSS JOIN LATERAL (SELECT q.created_at FROM questions q WHERE q.community_id = c.id AND ${READABLE}
                              ORDER BY q.created_at DESC, q.id DESC LIMIT 1) newest`,
      [[...communityIds]],
    )) as { id: string; createdAt: Date }[];
    return new Map(rows.map((row) => [row.id, row.createdAt]));
  }

  /** Each person's newest readable questions, at most `perAuthor` each, for their profile. */
  newestByAuthors(authorIds: readonly string[], perAuthor: number): Promise<QuestionEntity[]> {
    return this.db
      .getRepository(QuestionEntity)
      .createQueryBuilder('q')
      .innerJoin(
        `(SELECT id, row_number() OVER (PARTITION BY author_id ORDER BY created_at DESC, id DESC) AS rank
            FROM questions q WHERE q.author_id = ANY(:authorIds::uuid[]) AND ${READABLE})`,
        'ranked',
        'ranked.id = q.id AND ranked.rank <= :perAuthor',
      )
      .setParameters({ authorIds: [...authorIds], perAuthor })
      .orderBy('q.created_at', 'DESC')
      .addOrderBy('q.id', 'DESC')
      .getMany();
  }

  /** How many readable questions each person asked (people who asked none are absent). */
  async countsByAuthors(authorIds: readonly string[]): Promise<Map<string, number>> {
    const rows = (await this.db.query(
      `SELECT q.author_id AS "authorId", count(*)::int AS count FROM questions q WHERE q.author_id = ANY($1::uuid[]) AND ${READABLE} GROUP BY q.author_id`,
      [[...authorIds]],
    )) as { authorId: string; count: number }[];
    return new Map(rows.map((row) => [row.authorId, row.count]));
  }

  /** When each of these people last asked a readable question (people who never did are absent). */
  async latestByAuthors(authorIds: readonly string[]): Promise<Map<string, Date>> {
    const rows = (await this.db.query(
      `SELECT q.author_id AS "authorId", max(q.created_at) AS "createdAt" FROM questions q
        WHERE q.author_id = ANY($1::uuid[]) AND ${READABLE} GROUP BY q.author_id`,
      [[...authorIds]],
    )) as { authorId: string; createdAt: Date }[];
    return new Map(rows.map((row) => [row.authorId, row.createdAt]));
  }

  /** Where the sitemap file after the one starting at `after` starts: its `size`-th question, or null when no question follows that. */
  async sitemapPageEnd(after: QuestionSitemapKey | null, size: number): Promise<QuestionSitemapKey | null> {
    const [row] = (await this.db.query(
      `SELECT page.created_at AS "createdAt", page.id
         FROM (SELECT q.created_at, q.id, row_number() OVER w AS n, lead(q.id) OVER w AS next FROM questions q
                ${after ? 'WHERE (q.created_at, q.id) > ($2::timestamptz, $3::uuid)' : ''}
               WINDOW w AS (ORDER BY q.created_at, q.id) ORDER BY q.created_at, q.id LIMIT $1 + 1) page
        WHERE page.n = $1 AND page.next IS NOT NULL`,
      after ? [size, after.createdAt, after.id] : [size],
    )) as { createdAt: Date; id: string }[];
    return row ? { createdAt: row.createdAt, id: row.id } : null;
  }

  /** The readable questions among the `size` questions after `after`: one sitemap file. */
  sitemapPage(after: QuestionSitemapKey | null, size: number): Promise<{ id: string; lastActivityAt: Date }[]> {
    return this.db.query(
      `SELECT page.id, page.last_activity_at AS "lastActivityAt"
         FROM (SELECT q.id, q.created_at, q.last_activity_at, ${READABLE} AS readable FROM questions q
                ${after ? 'WHERE (q.created_at, q.id) > ($2::timestamptz, $3::uuid)' : ''}
                ORDER BY q.created_at, q.id LIMIT $1) page
        WHERE page.readable
        ORDER BY page.created_at, page.id`,
      after ? [size, after.createdAt, after.id] : [size],
    ) as Promise<{ id: string; lastActivityAt: Date }[]>;
  }

  /** Where the tag sitemap file after the one starting after the slug `after` starts (tags by slug). */
  tagSitemapPageEnd(after: string | null, size: number): Promise<string | null> {
    return sitemapPageEnd(this.db, { table: 'tags', key: 'slug' }, after, size);
  }

  /**
   * The tags among the `size` after `after` that have a readable question, with when the
   * newest of those was asked (what a tag's page leads with).
   */
  tagSitemapPage(after: string | null, size: number): Promise<{ slug: string; newestQuestionAt: Date }[]> {
    return this.db.query(
      `SELECT t.slug, newest.created_at AS "newestQuestionAt"
         FROM (SELECT t.id, t.slug FROM tags t ${after !== null ? 'WHERE t.slug > $2' : ''} ORDER BY t.slug LIMIT $1) t
         CROSS JOIN LATERAL (SELECT q.created_at FROM question_tags qt JOIN questions q ON q.id = qt.question_id
                              WHERE qt.tag_id = t.id AND ${READABLE}
                              ORDER BY qt.question_created_at DESC, qt.question_id DESC LIMIT 1) newest
        ORDER BY t.slug`,
      after !== null ? [size, after] : [size],
    ) as Promise<{ slug: string; newestQuestionAt: Date }[]>;
  }
}

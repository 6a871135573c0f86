import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AnswerEntity } from './answer.entity.js';

const READABLE = 'a.hidden_at IS NULL AND a.deleted_at IS NULL';

/** What the answers module shows the open web (Atom feeds, sitemaps): only answers people can read. */
@Injectable()
export class PublishedAnswers {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A question's newest readable answers. */
  newestForQuestion(questionId: string, limit: number): Promise<AnswerEntity[]> {
    return this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .where('a.question_id = :questionId', { questionId })
      .andWhere(READABLE)
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Each person's newest readable answers to readable questions, at most `perAuthor` each, for their profile. */
  newestByAuthors(authorIds: readonly string[], perAuthor: number): Promise<AnswerEntity[]> {
    return this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .innerJoin(
        `(SELECT a.id, row_number() OVER (PARTITION BY a.author_id ORDER BY a.created_at DESC, a.id DESC) AS rank
            FROM answers a JOIN questions q ON q.id = a.question_id
           WHERE a.author_id = ANY(:authorIds::uuid[]) AND ${READABLE} AND q.hidden_at IS NULL AND q.deleted_at IS NULL)`,
        'ranked',
        'ranked.id = a.id AND ranked.rank <= :perAuthor',
      )
      .setParameters({ authorIds: [...authorIds], perAuthor })
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .getMany();
  }

  /** How many readable answers each person posted, and how many of those were accepted (people with none are absent). */
  async countsByAuthors(authorIds: readonly string[]): Promise<Map<string, { answers: number; accepted: number }>> {
    const rows = (await this.db.query(
      `SELECT a.author_id AS "authorId", count(*)::int AS answers, count(*) FILTER (WHERE q.accepted_answer_id = a.id)::int AS accepted
         FROM answers a JOIN questions q ON q.id = a.question_id
        WHERE a.author_id = ANY($1::uuid[]) AND ${READABLE} AND q.hidden_at IS NULL AND q.deleted_at IS NULL
        GROUP BY a.author_id`,
      [[...authorIds]],
    )) as { authorId: string; answers: number; accepted: number }[];
    return new Map(rows.map((row) => [row.authorId, { answers: row.answers, accepted: row.accepted }]));
  }

  /** When each of these people last posted a readable answer (people who never did are absent). */
  async latestByAuthors(authorIds: readonly string[]): Promise<Map<string, Date>> {
    const rows = (await this.db.query(
      `SELECT a.author_id AS "authorId", max(a.created_at) AS "createdAt" FROM answers a
        WHERE a.author_id = ANY($1::uuid[]) AND ${READABLE} GROUP BY a.author_id`,
      [[...authorIds]],
    )) as { authorId: string; createdAt: Date }[];
    return new Map(rows.map((row) => [row.authorId, row.createdAt]));
  }
}

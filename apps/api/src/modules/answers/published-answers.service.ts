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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PER_PARENT_LIMIT } from '../../common/pagination.js';
import { PostRevisionEntity } from './post-revision.entity.js';

export type RevisedPost = { questionId: string; answerId?: undefined } | { answerId: string; questionId?: undefined };

/**
 * The history of every question and answer. Each publish (the first post and every edit)
 * appends a row; the database refuses updates and deletes, so no text is ever lost.
 */
@Injectable()
export class RevisionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Appends the next revision; call inside the transaction that changes the post, after locking it. */
  async append(tx: EntityManager, post: RevisedPost, state: { title?: string; body: string; tags?: string[] }, editedBy: string, isNewPost = false): Promise<void> {
    const where = post.questionId ? 'question_id = $1' : 'answer_id = $1';
    // A post written in this transaction has no history yet: its first revision needs no look-up.
    const [{ next }] = isNewPost
      ? [{ next: 1 }]
      : ((await tx.query(`SELECT coalesce(max(revision), 0) + 1 AS next FROM post_revisions WHERE ${where}`, [post.questionId ?? post.answerId])) as { next: number }[]);
    await tx.getRepository(PostRevisionEntity).insert({
      questionId: post.questionId ?? null,
      answerId: post.answerId ?? null,
      revision: next,
      title: state.title ?? null,
      body: state.body,
      tags: state.tags ?? null,
      editedBy,
    });
  }

  /** Each post's latest PER_PARENT_LIMIT revisions, oldest first: questions' and answers' in one statement. */
  forPosts(questionIds: readonly string[], answerIds: readonly string[]): Promise<PostRevisionEntity[]> {
    return this.db
      .getRepository(PostRevisionEntity)
      .createQueryBuilder('r')
      .innerJoin(
        `(SELECT id, row_number() OVER (PARTITION BY coalesce(question_id, answer_id) ORDER BY revision DESC) AS rank
            FROM post_revisions WHERE question_id = ANY(:questionIds::uuid[]) OR answer_id = ANY(:answerIds::uuid[]))`,
        'ranked',
        'ranked.id = r.id AND ranked.rank <= :limit',
      )
      .setParameters({ questionIds: [...questionIds], answerIds: [...answerIds], limit: PER_PARENT_LIMIT })
      .orderBy('r.revision', 'ASC')
      .getMany();
  }
}

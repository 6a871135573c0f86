import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import { PER_PARENT_LIMIT } from '../../common/pagination.js';
import type { Viewer } from '../../common/request-context.js';
import { authorize } from '../access/access.exception.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { NewMemberLimits } from '../accounts/new-member-limits.service.js';
import { AnswersService, type LocatedPost } from '../answers/answers.service.js';
import { commentSubject, type RemovalState } from '../moderation/post-state.js';
import { PostActivity } from '../notifications/post-activity.js';
import type { QuestionEntity } from '../questions/question.entity.js';
import { QuestionsService } from '../questions/questions.service.js';
import { CommentEntity, CommentRevisionEntity } from './comment.entity.js';
import { CommentsException, CommentsExceptionCode } from './comments.exception.js';
import type { AddCommentInput } from './dto/add-comment.input.js';
import type { EditCommentInput } from './dto/edit-comment.input.js';

@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly answers: AnswersService,
    private readonly newMembers: NewMemberLimits,
    private readonly questions: QuestionsService,
    private readonly accounts: AccountsService,
  ) {}

  async add(viewer: Viewer, input: AddCommentInput): Promise<CommentEntity> {
    return this.db.transaction(async (tx) => {
      const post = await this.answers.locatePost(input.postId, tx);
      authorize(viewer, 'comment', await this.answers.postSubject(post, tx));
      const comment = await tx.getRepository(CommentEntity).save(
        tx.getRepository(CommentEntity).create({
          questionId: post.kind === 'question' ? post.question.id : null,
          answerId: post.kind === 'answer' ? post.answer.id : null,
          authorId: viewer.id,
          body: input.body.trim(),
        }),
      );
      const question = await this.questionOf(tx, post);
      await this.questions.touch(tx, question.id);
      await PostActivity.commentAdded(tx, {
        comment,
        post: { kind: post.kind, authorId: post.authorId },
        question,
        commenterName: await this.accounts.displayName(tx, viewer.id),
      });
      await this.newMembers.beforePost(viewer, input.body, tx);
      return comment;
    });
  }

  /**
   * Its author (or a moderator) rewords a comment. Nothing is overwritten: the first edit
   * keeps the text as first posted as revision 1, and every edit adds the next revision
   * (comment_revisions refuses UPDATE and DELETE). The author editing a hidden comment asks
   * moderators to look at it again, as with questions and answers.
   */
  async edit(viewer: Viewer, input: EditCommentInput): Promise<CommentEntity> {
    return this.db.transaction(async (tx) => {
      const comment = await this.findForUpdate(tx, input.commentId);
      if (!comment) throw new CommentsException(CommentsExceptionCode.COMMENT_NOT_FOUND, 'That comment does not exist.', { field: 'commentId' });
      const post = await this.answers.locatePost((comment.questionId ?? comment.answerId) as string, tx);
      authorize(viewer, 'edit', commentSubject(comment, await this.questionOf(tx, post)));
      const body = input.body.trim();
      if (body === comment.body) throw new CommentsException(CommentsExceptionCode.NOTHING_TO_CHANGE, 'That edit changes nothing.', { field: 'body' });
      await this.newMembers.beforeEdit(viewer, body, tx);
      const [{ last }] = (await tx.query('SELECT coalesce(max(revision), 0)::int AS last FROM comment_revisions WHERE comment_id = $1', [comment.id])) as { last: number }[];
      const revisions = tx.getRepository(CommentRevisionEntity);
      if (last === 0) await revisions.insert({ commentId: comment.id, revision: 1, body: comment.body, editedBy: comment.authorId, editedAt: comment.createdAt });
      await revisions.insert({ commentId: comment.id, revision: Math.max(last, 1) + 1, body, editedBy: viewer.id, editedAt: () => 'now()' });
      const asksForReview = !!comment.hiddenAt && !comment.deletedAt && comment.authorId === viewer.id;
      await tx.query(`UPDATE comments SET body = $2, edited_at = now()${asksForReview ? ', review_requested_at = now()' : ''} WHERE id = $1`, [comment.id, body]);
      return (await tx.getRepository(CommentEntity).findOneBy({ id: comment.id })) as CommentEntity;
    });
  }

  /** The question a comment's post is, or is an answer to, read on the transaction's connection. */
  private async questionOf(tx: EntityManager, post: LocatedPost): Promise<QuestionEntity> {
    const question = post.kind === 'question' ? post.question : await this.questions.find(post.questionId, tx);
    if (!question) throw new CommentsException(CommentsExceptionCode.COMMENT_NOT_FOUND, 'That comment does not exist.', { field: 'commentId' });
    return question;
  }

  /** Each edited comment's wordings, oldest first, at most PER_PARENT_LIMIT per comment. */
  revisionsOf(commentIds: readonly string[]): Promise<CommentRevisionEntity[]> {
    return this.db
      .getRepository(CommentRevisionEntity)
      .createQueryBuilder('r')
      .where('r.comment_id = ANY(:ids::uuid[]) AND r.revision <= :limit', { ids: [...commentIds], limit: PER_PARENT_LIMIT })
      .orderBy('r.comment_id')
      .addOrderBy('r.revision', 'ASC')
      .getMany();
  }

  /** Each post's first PER_PARENT_LIMIT comments, oldest first: questions' and answers' in one statement. */
  forPosts(questionIds: readonly string[], answerIds: readonly string[]): Promise<CommentEntity[]> {
    return this.db
      .getRepository(CommentEntity)
      .createQueryBuilder('c')
      .innerJoin(
        `(SELECT id, row_number() OVER (PARTITION BY coalesce(question_id, answer_id) ORDER BY created_at, id) AS rank
            FROM comments WHERE question_id = ANY(:questionIds::uuid[]) OR answer_id = ANY(:answerIds::uuid[]))`,
        'ranked',
        'ranked.id = c.id AND ranked.rank <= :limit',
      )
      .setParameters({ questionIds: [...questionIds], answerIds: [...answerIds], limit: PER_PARENT_LIMIT })
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .getMany();
  }

  async find(id: string): Promise<CommentEntity | null> {
    return isUuid(id) ? this.db.getRepository(CommentEntity).findOneBy({ id }) : null;
  }

  byIds(ids: readonly string[]): Promise<CommentEntity[]> {
    return this.db.getRepository(CommentEntity).findBy({ id: In([...ids]) });
  }

  /** The comment, its row locked until `tx` ends, for a moderation decision about it. */
  async findForUpdate(tx: EntityManager, id: string): Promise<CommentEntity | null> {
    return isUuid(id) ? tx.getRepository(CommentEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  }

  /** Writes the moderation module's decision about whether the comment is shown. */
  async setRemoval(tx: EntityManager, id: string, state: RemovalState): Promise<void> {
    await tx.query(
      'UPDATE comments SET hidden_at = $2, deleted_at = $3, deleted_by = $4, removal_reason = $5, review_requested_at = $6 WHERE id = $1',
      [id, state.hiddenAt, state.deletedAt, state.deletedBy, state.removalReason, state.reviewRequestedAt],
    );
  }

  /** The ids of every comment the person wrote, e.g. to find what links to them. */
  async idsByAuthor(tx: EntityManager, authorId: string): Promise<string[]> {
    const rows = (await tx.query('SELECT id FROM comments WHERE author_id = $1', [authorId])) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** Erasure with the posts: every comment by the author not yet deleted becomes a tombstone with `reason`. */
  async removeAllByAuthor(tx: EntityManager, authorId: string, reason: string, deletedBy: string): Promise<void> {
    await tx.query(
      `UPDATE comments SET deleted_at = now(), deleted_by = $2, removal_reason = $3, review_requested_at = NULL
        WHERE author_id = $1 AND deleted_at IS NULL`,
      [authorId, deletedBy, reason],
    );
  }
}

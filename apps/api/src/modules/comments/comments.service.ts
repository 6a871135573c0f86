import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { Viewer } from '../../common/request-context.js';
import { AnswersService } from '../answers/answers.service.js';
import { PostActivity } from '../notifications/post-activity.js';
import { CommentEntity } from './comment.entity.js';
import type { AddCommentInput } from './dto/add-comment.input.js';

@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly answers: AnswersService,
  ) {}

  async add(viewer: Viewer, input: AddCommentInput): Promise<CommentEntity> {
    return this.db.transaction(async (tx) => {
      const post = await this.answers.locatePost(input.postId, tx);
      const comment = await tx.getRepository(CommentEntity).save(
        tx.getRepository(CommentEntity).create({
          questionId: post.kind === 'question' ? post.question.id : null,
          answerId: post.kind === 'answer' ? post.answer.id : null,
          authorId: viewer.id,
          body: input.body.trim(),
        }),
      );
      const questionId = post.kind === 'question' ? post.question.id : post.questionId;
      await tx.query('UPDATE questions SET last_activity_at = now() WHERE id = $1', [questionId]);
      await PostActivity.commentAdded(tx, comment);
      return comment;
    });
  }

  forQuestions(ids: readonly string[]): Promise<CommentEntity[]> {
    return this.db.getRepository(CommentEntity).find({ where: { questionId: In([...ids]) }, order: { createdAt: 'ASC' } });
  }

  forAnswers(ids: readonly string[]): Promise<CommentEntity[]> {
    return this.db.getRepository(CommentEntity).find({ where: { answerId: In([...ids]) }, order: { createdAt: 'ASC' } });
  }
}

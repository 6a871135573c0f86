import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { Viewer } from '../../common/request-context.js';
import { authorize } from '../access/access.exception.js';
import { AnswersService } from '../answers/answers.service.js';
import { VoteEntity } from './vote.entity.js';
import { voteNumber, type VoteValue } from './vote-value.js';

@Injectable()
export class VotesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly answers: AnswersService,
  ) {}

  /**
   * Sets the viewer's one vote on a post (or withdraws it) and returns the post's new
   * score. The post row is locked so concurrent votes add up exactly.
   */
  async vote(viewer: Viewer, postId: string, value: VoteValue): Promise<number> {
    return this.db.transaction(async (tx) => {
      const post = await this.answers.locatePost(postId, tx, true);
      // The policy refuses votes on your own post, on removed posts, and from suspended members.
      authorize(viewer, 'vote', await this.answers.postSubject(post, tx));
      const column = post.kind === 'question' ? 'question_id' : 'answer_id';
      const id = post.kind === 'question' ? post.question.id : post.answer.id;
      const table = post.kind === 'question' ? 'questions' : 'answers';
      const existing = (await tx.query(`SELECT id, value FROM votes WHERE user_id = $1 AND ${column} = $2`, [viewer.id, id])) as { id: string; value: number }[];
      const before = existing[0]?.value ?? 0;
      const after = voteNumber(value);
      if (after === 0) {
        if (existing[0]) await tx.query('DELETE FROM votes WHERE id = $1', [existing[0].id]);
      } else if (existing[0]) {
        await tx.query('UPDATE votes SET value = $2, updated_at = now() WHERE id = $1', [existing[0].id, after]);
      } else {
        await tx.query(`INSERT INTO votes (user_id, ${column}, value) VALUES ($1, $2, $3)`, [viewer.id, id, after]);
      }
      const [{ score }] = (await tx.query(`UPDATE ${table} SET score = score + $2 WHERE id = $1 RETURNING score`, [id, after - before]))[0] as [
        { score: number },
      ];
      return score;
    });
  }

  viewerVotesOnQuestions(userId: string, ids: readonly string[]): Promise<VoteEntity[]> {
    return this.db.getRepository(VoteEntity).findBy({ userId, questionId: In([...ids]) });
  }

  viewerVotesOnAnswers(userId: string, ids: readonly string[]): Promise<VoteEntity[]> {
    return this.db.getRepository(VoteEntity).findBy({ userId, answerId: In([...ids]) });
  }
}

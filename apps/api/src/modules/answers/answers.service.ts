import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import { PER_PARENT_LIMIT } from '../../common/pagination.js';
import type { Viewer } from '../../common/request-context.js';
import { authorize } from '../access/access.exception.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { NewMemberLimits } from '../accounts/new-member-limits.service.js';
import { CitationRecorder } from '../citations/citation-recorder.js';
import type { PostSubject } from '../access/access.policy.js';
import { answerSubject, isRemoved, questionSubject, type RemovalState } from '../moderation/post-state.js';
import { QuestionEntity } from '../questions/question.entity.js';
import { PostActivity } from '../notifications/post-activity.js';
import { QuestionsService } from '../questions/questions.service.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import { AnswerEntity } from './answer.entity.js';
import { AnswersException, AnswersExceptionCode } from './answers.exception.js';
import type { AnswerQuestionInput, EditAnswerInput } from './dto/answer.input.js';

/** A question or an answer, found by the id a client gave for "a post". */
export type LocatedPost =
  | { kind: 'question'; question: QuestionEntity; authorId: string }
  | { kind: 'answer'; answer: AnswerEntity; questionId: string; authorId: string };

@Injectable()
export class AnswersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly questions: QuestionsService,
    private readonly revisions: RevisionsService,
    private readonly newMembers: NewMemberLimits,
    private readonly citations: CitationRecorder,
    private readonly accounts: AccountsService,
  ) {}

  async find(id: string): Promise<AnswerEntity | null> {
    return isUuid(id) ? this.db.getRepository(AnswerEntity).findOneBy({ id }) : null;
  }

  async require(id: string, field = 'answerId'): Promise<AnswerEntity> {
    const answer = await this.find(id);
    if (!answer) throw new AnswersException(AnswersExceptionCode.ANSWER_NOT_FOUND, 'That answer does not exist.', { field });
    return answer;
  }

  byIds(ids: readonly string[]): Promise<AnswerEntity[]> {
    return this.db.getRepository(AnswerEntity).findBy({ id: In([...ids]) });
  }

  /**
   * Each question's answers, the accepted one first, then by score: at most PER_PARENT_LIMIT
   * per question, after skipping `offset` of them (a long question's later pages).
   */
  async byQuestionIds(questionIds: readonly string[], offset = 0): Promise<AnswerEntity[]> {
    return this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .innerJoin(QuestionEntity, 'q', 'q.id = a.question_id')
      .innerJoin(
        `(SELECT ra.id, row_number() OVER (PARTITION BY ra.question_id ORDER BY (rq.accepted_answer_id = ra.id) DESC NULLS LAST, ra.score DESC, ra.created_at ASC, ra.id) AS rank
          FROM answers ra JOIN questions rq ON rq.id = ra.question_id WHERE ra.question_id IN (:...ids))`,
        'ranked',
        'ranked.id = a.id AND ranked.rank > :offset AND ranked.rank <= :offset + :limit',
      )
      .where('a.question_id IN (:...ids)', { ids: [...questionIds], limit: PER_PARENT_LIMIT, offset })
      .orderBy('(q.accepted_answer_id = a.id)', 'DESC', 'NULLS LAST')
      .addOrderBy('a.score', 'DESC')
      .addOrderBy('a.created_at', 'ASC')
      .getMany();
  }

  async locatePost(id: string, tx: EntityManager = this.db.manager, lock = false): Promise<LocatedPost> {
    if (isUuid(id)) {
      const question = lock ? await this.questions.findForUpdate(tx, id) : await this.questions.find(id, tx);
      if (question) return { kind: 'question', question, authorId: question.authorId };
      const lockOption = lock ? { lock: { mode: 'pessimistic_write' as const } } : {};
      const answer = await tx.getRepository(AnswerEntity).findOne({ where: { id }, ...lockOption });
      if (answer) return { kind: 'answer', answer, questionId: answer.questionId, authorId: answer.authorId };
    }
    throw new AnswersException(AnswersExceptionCode.POST_NOT_FOUND, 'That question or answer does not exist.', { field: 'postId' });
  }

  /** A located post as the permission policy sees it (for answers: with their question's state). */
  async postSubject(post: LocatedPost, tx: EntityManager = this.db.manager): Promise<PostSubject> {
    if (post.kind === 'question') return questionSubject(post.question);
    const question = await this.questions.find(post.questionId, tx);
    if (!question) throw new AnswersException(AnswersExceptionCode.POST_NOT_FOUND, 'That question or answer does not exist.', { field: 'postId' });
    return answerSubject(post.answer, question);
  }

  async answer(viewer: Viewer, input: AnswerQuestionInput): Promise<AnswerEntity> {
    const question = await this.questions.require(input.questionId);
    authorize(viewer, 'answer', questionSubject(question));
    return this.db.transaction(async (tx) => {
      const answer = await tx.getRepository(AnswerEntity).save(
        tx.getRepository(AnswerEntity).create({ questionId: question.id, authorId: viewer.id, body: input.body }),
      );
      await this.questions.answerAdded(tx, question.id);
      await this.revisions.append(tx, { answerId: answer.id }, { body: input.body }, viewer.id, true);
      await this.citations.record(tx, { answerId: answer.id }, input.body, true);
      await PostActivity.answerPosted(tx, { answer, question, answererName: await this.accounts.displayName(tx, viewer.id) });
      await this.newMembers.beforePost(viewer, input.body, tx);
      return answer;
    });
  }

  /** Refuses (FORBIDDEN) unless the viewer may edit the answer: callers ask before looking at its content. */
  async authorizeEdit(viewer: Viewer, answer: AnswerEntity): Promise<void> {
    authorize(viewer, 'edit', answerSubject(answer, await this.questions.require(answer.questionId)));
  }

  async edit(viewer: Viewer, input: EditAnswerInput): Promise<AnswerEntity> {
    await this.require(input.answerId);
    return this.db.transaction(async (tx) => {
      const answer = await tx.getRepository(AnswerEntity).findOne({ where: { id: input.answerId }, lock: { mode: 'pessimistic_write' } });
      if (!answer) throw new AnswersException(AnswersExceptionCode.ANSWER_NOT_FOUND, 'That answer does not exist.', { field: 'answerId' });
      // On the transaction's connection: another pool connection while this one is held could wait for ever under load.
      const question = await this.questions.find(answer.questionId, tx);
      if (!question) throw new AnswersException(AnswersExceptionCode.ANSWER_NOT_FOUND, 'That answer does not exist.', { field: 'answerId' });
      authorize(viewer, 'edit', answerSubject(answer, question));
      if (answer.body === input.body) throw new AnswersException(AnswersExceptionCode.NOTHING_TO_CHANGE, 'That edit changes nothing.');
      await this.newMembers.beforeEdit(viewer, input.body, tx);
      // The author editing a hidden answer asks moderators to look at it again (top of their queue).
      const asksForReview = !!answer.hiddenAt && !answer.deletedAt && answer.authorId === viewer.id;
      await tx.query(
        `UPDATE answers SET body = $2, updated_at = now()${asksForReview ? ', review_requested_at = now()' : ''} WHERE id = $1`,
        [answer.id, input.body],
      );
      await this.questions.touch(tx, answer.questionId);
      await this.revisions.append(tx, { answerId: answer.id }, { body: input.body }, viewer.id);
      await this.citations.record(tx, { answerId: answer.id }, input.body);
      return (await tx.getRepository(AnswerEntity).findOneBy({ id: answer.id })) as AnswerEntity;
    });
  }

  /** The answer, its row locked until `tx` ends, for a moderation decision about it. */
  async findForUpdate(tx: EntityManager, id: string): Promise<AnswerEntity | null> {
    return isUuid(id) ? tx.getRepository(AnswerEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  }

  /**
   * Writes the moderation module's decision about whether the answer is shown. The
   * question's answer count follows, so it counts only answers people can read.
   */
  async setRemoval(tx: EntityManager, answer: AnswerEntity, state: RemovalState): Promise<void> {
    await tx.query(
      'UPDATE answers SET hidden_at = $2, deleted_at = $3, deleted_by = $4, removal_reason = $5, review_requested_at = $6 WHERE id = $1',
      [answer.id, state.hiddenAt, state.deletedAt, state.deletedBy, state.removalReason, state.reviewRequestedAt],
    );
    const delta = Number(isRemoved(answer)) - Number(isRemoved(state));
    if (delta) await this.questions.adjustAnswerCount(tx, answer.questionId, delta);
  }

  /** Hidden answers whose authors edited them and asked for another look, oldest request first. */
  awaitingReview(communityId: string | null): Promise<AnswerEntity[]> {
    const qb = this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .where('a.review_requested_at IS NOT NULL AND a.deleted_at IS NULL');
    if (communityId) qb.innerJoin(QuestionEntity, 'q', 'q.id = a.question_id AND q.community_id = :communityId', { communityId });
    return qb.orderBy('a.review_requested_at', 'ASC').limit(200).getMany();
  }

  /** The asker marks the answer that solved it; accepting another one moves the mark. */
  async accept(viewer: Viewer, answerId: string): Promise<QuestionEntity> {
    const answer = await this.require(answerId);
    return this.db.transaction(async (tx) => {
      const question = await this.questions.findForUpdate(tx, answer.questionId);
      if (!question) throw new AnswersException(AnswersExceptionCode.ANSWER_NOT_FOUND, 'That answer does not exist.', { field: 'answerId' });
      authorize(viewer, 'accept', answerSubject(answer, question));
      await this.questions.answerAccepted(tx, question.id, answer.id);
      // When, not only which: digests tell a question's watchers that an answer was accepted in their period.
      await tx.query('INSERT INTO answer_acceptances (question_id, answer_id, accepted_by) VALUES ($1, $2, $3)', [question.id, answer.id, viewer.id]);
      await PostActivity.answerAccepted(tx, { answer, question, acceptedBy: viewer.id });
      return (await this.questions.find(question.id, tx)) as QuestionEntity;
    });
  }

  /**
   * The asker changes their mind: the question has no accepted answer again. Refused when
   * this answer is not the accepted one, so a late click cannot undo a newer acceptance.
   */
  async unaccept(viewer: Viewer, answerId: string): Promise<QuestionEntity> {
    const answer = await this.require(answerId);
    return this.db.transaction(async (tx) => {
      const question = await this.questions.findForUpdate(tx, answer.questionId);
      if (!question) throw new AnswersException(AnswersExceptionCode.ANSWER_NOT_FOUND, 'That answer does not exist.', { field: 'answerId' });
      authorize(viewer, 'unaccept', answerSubject(answer, question));
      if (question.acceptedAnswerId !== answer.id) {
        throw new AnswersException(AnswersExceptionCode.NOT_ACCEPTED, 'This answer is not the accepted one, so there is nothing to undo.', { field: 'answerId' });
      }
      await this.questions.acceptanceWithdrawn(tx, question.id);
      return (await this.questions.find(question.id, tx)) as QuestionEntity;
    });
  }

  /** The ids of every answer the person wrote, e.g. to find what links to them. */
  async idsByAuthor(tx: EntityManager, authorId: string): Promise<string[]> {
    const rows = (await tx.query('SELECT id FROM answers WHERE author_id = $1', [authorId])) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /**
   * Erasure with the posts: every answer by the author not yet deleted becomes a tombstone
   * with `reason`, inside the erasure's transaction; the answer counts of their questions
   * drop by the ones that were still shown.
   */
  async removeAllByAuthor(tx: EntityManager, authorId: string, reason: string, deletedBy: string): Promise<void> {
    const [rows] = (await tx.query(
      `UPDATE answers SET deleted_at = now(), deleted_by = $2, removal_reason = $3, review_requested_at = NULL
        WHERE author_id = $1 AND deleted_at IS NULL
        RETURNING question_id AS "questionId", hidden_at IS NULL AS "wasShown"`,
      [authorId, deletedBy, reason],
    )) as [{ questionId: string; wasShown: boolean }[], number];
    const shown = new Map<string, number>();
    for (const row of rows) if (row.wasShown) shown.set(row.questionId, (shown.get(row.questionId) ?? 0) + 1);
    for (const [questionId, count] of shown) await this.questions.adjustAnswerCount(tx, questionId, -count);
  }
}

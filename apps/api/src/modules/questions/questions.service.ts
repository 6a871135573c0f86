import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { In, type DataSource, type EntityManager, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../../common/pagination.js';
import type { Viewer } from '../../common/request-context.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { REDIS, redisIsDown } from '../../redis/redis.module.js';
import { authorize } from '../access/access.exception.js';
import { NewMemberLimits } from '../accounts/new-member-limits.service.js';
import { CommunitiesService } from '../communities/communities.service.js';
import { CitationRecorder } from '../citations/citation-recorder.js';
import { questionSubject, type RemovalState } from '../moderation/post-state.js';
import { PostActivity } from '../notifications/post-activity.js';
import { RevisionsService } from '../revisions/revisions.service.js';
import type { AskQuestionInput, EditQuestionInput, QuestionFilter } from './dto/question.input.js';
import { QuestionOrder } from './question.model.js';
import { CloseReason, QuestionEntity, QuestionTagEntity, TagEntity } from './question.entity.js';
import { QuestionsException, QuestionsExceptionCode } from './questions.exception.js';
import { MAX_TAG_LENGTH, normaliseTags, tagSlugOf } from './tags.js';

export interface QuestionPage {
  questions: { question: QuestionEntity; tags: TagEntity[]; cursor: string }[];
  hasNextPage: boolean;
  totalCount: number;
}

const VIEW_WINDOW_SECONDS = 3600;

/** A question's tags in order, as JSON, for a statement that reads questions as `q` to carry them. */
const TAGS_JSON = `coalesce((SELECT json_agg(json_build_object('id', lt.id, 'slug', lt.slug, 'createdAt', lt.created_at) ORDER BY lqt.position)
                     FROM question_tags lqt JOIN tags lt ON lt.id = lqt.tag_id WHERE lqt.question_id = q.id), '[]')`;
type TagsJson = { id: string; slug: string; createdAt: string }[];
const tagsFromJson = (tags: TagsJson): TagEntity[] => tags.map((tag) => ({ id: tag.id, slug: tag.slug, createdAt: new Date(tag.createdAt) }));

/** A moderator's decision to close a question. */
export interface QuestionClosure {
  reason: CloseReason;
  note: string | null;
  closedBy: string;
  duplicateOfId: string | null;
}

@Injectable()
export class QuestionsService {
  private readonly logger = new Logger('Questions');
  private viewsUncounted = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly communities: CommunitiesService,
    private readonly revisions: RevisionsService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly newMembers: NewMemberLimits,
    private readonly citations: CitationRecorder,
  ) {}

  /** The question, read on `tx`'s connection when given (another module's transaction that needs it). */
  async find(id: string, tx: EntityManager = this.db.manager): Promise<QuestionEntity | null> {
    return isUuid(id) ? tx.getRepository(QuestionEntity).findOneBy({ id }) : null;
  }

  /** The question with its tags, in one statement (the question page shows both). */
  async findWithTags(id: string): Promise<{ question: QuestionEntity; tags: TagEntity[] } | null> {
    if (!isUuid(id)) return null;
    const { entities, raw } = await this.db
      .getRepository(QuestionEntity)
      .createQueryBuilder('q')
      .addSelect(TAGS_JSON, 'tags_json')
      .where('q.id = :id', { id })
      .getRawAndEntities<{ tags_json: TagsJson }>();
    const question = entities[0];
    return question ? { question, tags: tagsFromJson(raw[0]?.tags_json ?? []) } : null;
  }

  async require(id: string, field = 'questionId'): Promise<QuestionEntity> {
    const question = await this.find(id);
    if (!question) throw new QuestionsException(QuestionsExceptionCode.QUESTION_NOT_FOUND, 'That question does not exist.', { field });
    return question;
  }

  byIds(ids: readonly string[]): Promise<QuestionEntity[]> {
    return this.db.getRepository(QuestionEntity).findBy({ id: In([...ids]) });
  }

  async ask(viewer: Viewer, input: AskQuestionInput): Promise<QuestionEntity> {
    const community = await this.communities.require(input.communityId);
    authorize(viewer, 'ask', { kind: 'community', communityId: community.id });
    const tags = normaliseTags(input.tags);
    const title = input.title.trim();
    return this.db.transaction(async (tx) => {
      const question = await tx.getRepository(QuestionEntity).save(
        tx.getRepository(QuestionEntity).create({ communityId: community.id, authorId: viewer.id, title, body: input.body }),
      );
      await this.setTags(tx, question.id, tags, true);
      await this.revisions.append(tx, { questionId: question.id }, { title, body: input.body, tags }, viewer.id, true);
      await this.citations.record(tx, { questionId: question.id }, input.body, true);
      await PostActivity.questionAsked(tx, question);
      await this.newMembers.beforePost(viewer, input.body, tx);
      return question;
    });
  }

  /** Applies an edit and appends it to the history; only the asker or a moderator may. */
  async edit(viewer: Viewer, input: EditQuestionInput): Promise<QuestionEntity> {
    await this.require(input.questionId);
    const tags = input.tags ? normaliseTags(input.tags) : undefined;
    return this.db.transaction(async (tx) => {
      const question = await tx.getRepository(QuestionEntity).findOne({ where: { id: input.questionId }, lock: { mode: 'pessimistic_write' } });
      if (!question) throw new QuestionsException(QuestionsExceptionCode.QUESTION_NOT_FOUND, 'That question does not exist.', { field: 'questionId' });
      authorize(viewer, 'edit', questionSubject(question));
      const currentTags = await this.tagSlugs(tx, question.id);
      const next = {
        title: input.title?.trim() ?? question.title,
        body: input.body ?? question.body,
        tags: tags ?? currentTags,
      };
      if (next.title === question.title && next.body === question.body && next.tags.join(' ') === currentTags.join(' ')) {
        throw new QuestionsException(QuestionsExceptionCode.NOTHING_TO_CHANGE, 'That edit changes nothing.');
      }
      if (next.body !== question.body) await this.newMembers.beforeEdit(viewer, next.body, tx);
      // The author editing a hidden question asks moderators to look at it again (top of their queue).
      const asksForReview = !!question.hiddenAt && !question.deletedAt && question.authorId === viewer.id;
      await tx.getRepository(QuestionEntity).update(question.id, {
        title: next.title,
        body: next.body,
        updatedAt: () => 'now()',
        lastActivityAt: () => 'now()',
        ...(asksForReview ? { reviewRequestedAt: () => 'now()' } : {}),
      } as never);
      if (tags) await this.setTags(tx, question.id, tags);
      await this.revisions.append(tx, { questionId: question.id }, next, viewer.id);
      if (next.body !== question.body) await this.citations.record(tx, { questionId: question.id }, next.body);
      return (await tx.getRepository(QuestionEntity).findOneBy({ id: question.id })) as QuestionEntity;
    });
  }

  async list(filter: QuestionFilter | undefined, order: QuestionOrder, first: number, after: string | undefined): Promise<QuestionPage> {
    checkPageSize(first);
    const cursor = after ? (decodeCursor(after, ['timestamp', 'uuid']) as [string, string]) : null;
    let communityId: string | undefined;
    if (filter?.communitySlug) {
      const community = await this.communities.findBySlug(filter.communitySlug);
      if (!community) return { questions: [], hasNextPage: false, totalCount: 0 };
      communityId = community.id;
    }
    const tag = filter?.tag ? filter.tag.trim().toLowerCase() : undefined;
    const unanswered = !!filter?.unanswered;

    const qb = this.db.getRepository(QuestionEntity).createQueryBuilder('q');
    // Hidden and deleted questions stay out of every list; closed ones stay in, shown as closed.
    qb.where('q.hidden_at IS NULL AND q.deleted_at IS NULL');
    if (communityId) qb.andWhere('q.community_id = :communityId', { communityId });
    if (unanswered) qb.andWhere('q.answer_count = 0');
    // A tag's newest questions come from question_tags' own copy of the creation time (indexed with the id).
    const byTag = !!tag && order === QuestionOrder.NEWEST;
    if (tag) {
      qb.innerJoin(QuestionTagEntity, 'qt', 'qt.question_id = q.id AND qt.tag_id = (SELECT t.id FROM tags t WHERE t.slug = :tag)', { tag });
    }
    const [at, id] = byTag ? ['qt.question_created_at', 'qt.question_id'] : [order === QuestionOrder.ACTIVE ? 'q.last_activity_at' : 'q.created_at', 'q.id'];
    const totalCount = this.totalCountSql(qb, { communityId, tag, unanswered });
    if (cursor) qb.andWhere(`(${at}, ${id}) < (:at::timestamptz, :id::uuid)`, { at: cursor[0], id: cursor[1] });
    const { entities: rows, raw } = await qb
      .addSelect(totalCount, 'total_count')
      // Every list shows each question's tags: read with the page, not by a statement of their own.
      .addSelect(TAGS_JSON, 'tags_json')
      .orderBy(at, 'DESC')
      .addOrderBy(id, 'DESC')
      .limit(first + 1)
      .getRawAndEntities<{ total_count: number; q_id: string; tags_json: TagsJson }>();
    const tagsOf = new Map(raw.map((row) => [row.q_id, tagsFromJson(row.tags_json)]));
    const page = rows.slice(0, first);
    return {
      questions: page.map((question) => ({
        question,
        tags: tagsOf.get(question.id) ?? [],
        cursor: encodeCursor([(order === QuestionOrder.ACTIVE ? question.lastActivityAt : question.createdAt).toISOString(), question.id]),
      })),
      hasNextPage: rows.length > first,
      // Past the last page there is no row to carry the total: read it on its own.
      totalCount: Number(raw[0]?.total_count ?? (await this.totalCountAlone(totalCount, qb.getParameters()))),
    };
  }

  private async totalCountAlone(totalCount: string, parameters: ObjectLiteral): Promise<number> {
    const row = await this.db.getRepository(QuestionEntity).createQueryBuilder('q').select(totalCount, 'total').setParameters(parameters).limit(1).getRawOne<{ total: number }>();
    return Number(row?.total ?? 0);
  }

  /**
   * The list's total as a subquery. A list of the whole forum, one community or one tag
   * reads its row of question_counts (kept by triggers, see migration 1764400000020);
   * only a community and a tag together are counted, over that tag's questions.
   */
  private totalCountSql(qb: SelectQueryBuilder<QuestionEntity>, list: { communityId?: string; tag?: string; unanswered: boolean }): string {
    const column = list.unanswered ? 'unanswered' : 'listed';
    if (list.communityId && list.tag) return `(${qb.clone().select('count(*)').orderBy().getQuery()})`;
    if (list.communityId) return `coalesce((SELECT qc.${column} FROM question_counts qc WHERE qc.scope = 'community' AND qc.scope_id = :communityId), 0)`;
    if (list.tag) return `coalesce((SELECT qc.${column} FROM question_counts qc WHERE qc.scope = 'tag' AND qc.scope_id = (SELECT t.id FROM tags t WHERE t.slug = :tag)), 0)`;
    return `(SELECT qc.${column} FROM question_counts qc WHERE qc.scope = 'all')`;
  }

  /** Counts a view once per viewer per hour, so reloading a page does not inflate it. */
  async recordView(questionId: string, viewerKey: string): Promise<boolean> {
    if (!(await this.firstViewWithinTheHour(questionId, viewerKey))) return false;
    await this.db.getRepository(QuestionEntity).increment({ id: questionId }, 'viewCount', 1);
    return true;
  }

  /**
   * Best effort: while Redis is away a view goes uncounted (logged once per outage) rather
   * than holding up or failing the question page.
   */
  private async firstViewWithinTheHour(questionId: string, viewerKey: string): Promise<boolean> {
    try {
      if (redisIsDown(this.redis)) throw new Error(`the connection is ${this.redis.status}`);
      const fresh = await this.redis.set(`${this.config.redisPrefix}:viewed:${questionId}:${viewerKey}`, '1', 'EX', VIEW_WINDOW_SECONDS, 'NX');
      this.viewsUncounted = false;
      return fresh === 'OK';
    } catch (error) {
      if (!this.viewsUncounted) this.logger.warn(`views go uncounted while Redis is unavailable (${(error as Error).message})`);
      this.viewsUncounted = true;
      return false;
    }
  }

  async tagsByQuestionIds(questionIds: readonly string[]): Promise<(TagEntity & { questionId: string })[]> {
    // Raw rows, one per (question, tag): a tag shared by two questions must appear twice.
    return (await this.db.query(
      `SELECT t.id, t.slug, t.created_at AS "createdAt", qt.question_id AS "questionId"
         FROM question_tags qt JOIN tags t ON t.id = qt.tag_id
        WHERE qt.question_id = ANY($1::uuid[])
        ORDER BY qt.question_id, qt.position`,
      [[...questionIds]],
    )) as (TagEntity & { questionId: string })[];
  }

  tagsByIds(ids: readonly string[]): Promise<TagEntity[]> {
    return this.db.getRepository(TagEntity).findBy({ id: In([...ids]) });
  }

  /** How many listed questions carry each tag (question_counts, kept by triggers). */
  async tagQuestionCounts(tagIds: readonly string[]): Promise<Map<string, number>> {
    const rows = (await this.db.query(`SELECT scope_id AS "tagId", listed AS count FROM question_counts WHERE scope = 'tag' AND scope_id = ANY($1::uuid[])`, [
      [...tagIds],
    ])) as { tagId: string; count: number }[];
    return new Map(rows.map((r) => [r.tagId, r.count]));
  }

  /** The most used tags first (by listed questions; ties by slug), read from question_counts' index. */
  async popularTags(first: number, prefix: string | null = null): Promise<TagEntity[]> {
    checkPageSize(first);
    const query = this.db
      .getRepository(TagEntity)
      .createQueryBuilder('t')
      .leftJoin('question_counts', 'qc', "qc.scope = 'tag' AND qc.scope_id = t.id")
      .orderBy('coalesce(qc.listed, 0)', 'DESC')
      .addOrderBy('t.slug', 'ASC')
      .limit(first);
    if (prefix !== null) {
      // Typed as a tag is typed, so "Parish C" looks for parish-c…; no tag is longer than MAX_TAG_LENGTH.
      const start = tagSlugOf(prefix);
      if (start.length > MAX_TAG_LENGTH) return [];
      // left() compares the start exactly: no LIKE, so % and _ in what was typed mean themselves.
      if (start !== '') query.where('left(t.slug, :length) = :start', { length: start.length, start });
    }
    return query.getMany();
  }

  /** The question, its row locked until `tx` ends, for a moderation decision about it. */
  async findForUpdate(tx: EntityManager, id: string): Promise<QuestionEntity | null> {
    return isUuid(id) ? tx.getRepository(QuestionEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
  }

  /** Writes the moderation module's decision about whether the question is shown. */
  async setRemoval(tx: EntityManager, id: string, state: RemovalState): Promise<void> {
    await tx.query(
      'UPDATE questions SET hidden_at = $2, deleted_at = $3, deleted_by = $4, removal_reason = $5, review_requested_at = $6 WHERE id = $1',
      [id, state.hiddenAt, state.deletedAt, state.deletedBy, state.removalReason, state.reviewRequestedAt],
    );
  }

  /** Closes the question (or reopens it, with null). */
  async setClosure(tx: EntityManager, id: string, closure: QuestionClosure | null): Promise<void> {
    await tx.query(
      `UPDATE questions SET closed_reason = $2, closed_note = $3, closed_at = CASE WHEN $2::close_reason IS NULL THEN NULL ELSE now() END,
              closed_by = $4, duplicate_of_id = $5 WHERE id = $1`,
      [id, closure?.reason ?? null, closure?.note ?? null, closure?.closedBy ?? null, closure?.duplicateOfId ?? null],
    );
  }

  /** Locks the question by `lockedBy` (or unlocks it, with null). */
  async setLock(tx: EntityManager, id: string, lockedBy: string | null): Promise<void> {
    await tx.query('UPDATE questions SET locked_at = CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END, locked_by = $2 WHERE id = $1', [id, lockedBy]);
  }

  /** answer_count counts the answers people can read: removing or restoring one moves it. */
  async adjustAnswerCount(tx: EntityManager, id: string, delta: number): Promise<void> {
    await tx.query('UPDATE questions SET answer_count = greatest(answer_count + $2, 0) WHERE id = $1', [id, delta]);
  }

  /** Hidden questions whose authors edited them and asked for another look, oldest request first. */
  awaitingReview(communityId: string | null): Promise<QuestionEntity[]> {
    const qb = this.db
      .getRepository(QuestionEntity)
      .createQueryBuilder('q')
      .where('q.review_requested_at IS NOT NULL AND q.deleted_at IS NULL');
    if (communityId) qb.andWhere('q.community_id = :communityId', { communityId });
    return qb.orderBy('q.review_requested_at', 'ASC').limit(200).getMany();
  }

  /** Marks the question as active now (a new answer or comment). */
  async touch(tx: EntityManager, questionId: string): Promise<void> {
    await tx.query('UPDATE questions SET last_activity_at = now() WHERE id = $1', [questionId]);
  }

  /** A new answer: counted (new answers are shown) and the question is active now. */
  async answerAdded(tx: EntityManager, questionId: string): Promise<void> {
    await tx.query('UPDATE questions SET answer_count = answer_count + 1, last_activity_at = now() WHERE id = $1', [questionId]);
  }

  /** The asker accepted `answerId` (in the answers module's transaction, which recorded when). */
  async answerAccepted(tx: EntityManager, questionId: string, answerId: string): Promise<void> {
    await tx.query('UPDATE questions SET accepted_answer_id = $2, last_activity_at = now() WHERE id = $1', [questionId, answerId]);
  }

  /** The asker undid their acceptance; taking it back is not new activity on the question. */
  async acceptanceWithdrawn(tx: EntityManager, questionId: string): Promise<void> {
    await tx.query('UPDATE questions SET accepted_answer_id = NULL WHERE id = $1', [questionId]);
  }

  private async tagSlugs(tx: EntityManager, questionId: string): Promise<string[]> {
    const rows = (await tx.query(
      'SELECT t.slug FROM question_tags qt JOIN tags t ON t.id = qt.tag_id WHERE qt.question_id = $1 ORDER BY qt.position',
      [questionId],
    )) as { slug: string }[];
    return rows.map((r) => r.slug);
  }

  private async setTags(tx: EntityManager, questionId: string, slugs: string[], isNewQuestion = false): Promise<void> {
    await tx.query('INSERT INTO tags (slug) SELECT unnest($1::text[]) ON CONFLICT (slug) DO NOTHING', [slugs]);
    if (!isNewQuestion) await tx.query('DELETE FROM question_tags WHERE question_id = $1', [questionId]);
    await tx.query(
      `INSERT INTO question_tags (question_id, tag_id, position)
       SELECT $1, t.id, array_position($2::text[], t.slug) FROM tags t WHERE t.slug = ANY($2::text[])`,
      [questionId, slugs],
    );
  }

  /**
   * Erasure with the posts: every question by the author not yet deleted becomes a
   * tombstone with `reason`, inside the erasure's transaction. Its text stays in the row
   * and the revisions, for the record, and is no longer shown.
   */
  async removeAllByAuthor(tx: EntityManager, authorId: string, reason: string, deletedBy: string): Promise<void> {
    await tx.query(
      `UPDATE questions SET deleted_at = now(), deleted_by = $2, removal_reason = $3, review_requested_at = NULL
        WHERE author_id = $1 AND deleted_at IS NULL`,
      [authorId, deletedBy, reason],
    );
  }
}

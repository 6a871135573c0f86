import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import type { Viewer } from '../../common/request-context.js';
import { authorize } from '../access/access.exception.js';
import { CommunitiesException, CommunitiesExceptionCode } from './communities.exception.js';
import { CommunityEntity, CommunityMemberEntity, CommunityModeratorEntity } from './community.entity.js';
import type { CommunityModeratorInput } from './dto/community-moderator.input.js';
import type { CreateCommunityInput } from './dto/create-community.input.js';
import { checkPageSize, MAX_PAGE_SIZE } from '../../common/pagination.js';
import { SubscriptionsService } from '../subscriptions/subscriptions.service.js';
import { sitemapPageEnd } from '../../common/sitemap-pages.js';

/** How many communities each process keeps in memory (a forum has tens; this bounds a flood). */
const KEPT_COMMUNITIES = 10_000;

@Injectable()
export class CommunitiesService {
  /**
   * Communities as read, by id and by slug. A community's row never changes once created
   * (nothing edits or deletes one: see CommunityEntity), so any process may answer from what
   * it has read before, and every list and question page names one: a statement saved on
   * each. Only found rows are kept: a slug that is free now may be taken a moment later.
   */
  private readonly kept = new LRUCache<string, CommunityEntity>({ max: KEPT_COMMUNITIES });
  private readonly keptIdOfSlug = new LRUCache<string, string>({ max: KEPT_COMMUNITIES });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  list(first = MAX_PAGE_SIZE): Promise<CommunityEntity[]> {
    return this.db.getRepository(CommunityEntity).find({ order: { title: 'ASC', id: 'ASC' }, take: checkPageSize(first) });
  }

  async findBySlug(slug: string): Promise<CommunityEntity | null> {
    const keptId = this.keptIdOfSlug.get(slug);
    const kept = keptId === undefined ? undefined : this.kept.get(keptId);
    if (kept) return kept;
    const community = await this.db.getRepository(CommunityEntity).findOneBy({ slug });
    if (community) this.keep(community);
    return community;
  }

  private keep(community: CommunityEntity): void {
    this.kept.set(community.id, community);
    this.keptIdOfSlug.set(community.slug, community.id);
  }

  /** Where the community sitemap file after the one starting after the slug `after` starts (communities by slug), or null when it is the last. */
  sitemapPageEnd(after: string | null, size: number): Promise<string | null> {
    return sitemapPageEnd(this.db, { table: 'communities', key: 'slug' }, after, size);
  }

  /** The `size` communities after the slug `after`: one sitemap file. */
  sitemapPage(after: string | null, size: number): Promise<CommunityEntity[]> {
    const qb = this.db.getRepository(CommunityEntity).createQueryBuilder('c');
    if (after !== null) qb.where('c.slug > :after', { after });
    return qb.orderBy('c.slug', 'ASC').limit(size).getMany();
  }

  async require(id: string): Promise<CommunityEntity> {
    const [community] = isUuid(id) ? await this.byIds([id]) : [];
    if (!community) throw new CommunitiesException(CommunitiesExceptionCode.COMMUNITY_NOT_FOUND, 'That community does not exist.', { field: 'communityId' });
    return community;
  }

  /** The communities `ids` names that exist, in no particular order. */
  async byIds(ids: readonly string[]): Promise<CommunityEntity[]> {
    const found: CommunityEntity[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const kept = this.kept.get(id);
      if (kept) found.push(kept);
      else missing.push(id);
    }
    if (missing.length === 0) return found;
    const read = await this.db.getRepository(CommunityEntity).findBy({ id: In(missing) });
    for (const community of read) this.keep(community);
    return [...found, ...read];
  }

  async create(viewer: Viewer, input: CreateCommunityInput): Promise<CommunityEntity> {
    authorize(viewer, 'create-community', { kind: 'site' });
    const repo = this.db.getRepository(CommunityEntity);
    const taken = () => new CommunitiesException(CommunitiesExceptionCode.SLUG_TAKEN, `A community with the slug "${input.slug}" already exists.`, { field: 'slug' });
    if (await repo.existsBy({ slug: input.slug })) throw taken();
    try {
      return await this.db.transaction(async (tx) => {
        const community = await tx.getRepository(CommunityEntity).save(
          tx.getRepository(CommunityEntity).create({ slug: input.slug, title: input.title.trim(), description: input.description.trim(), createdBy: viewer.id }),
        );
        await tx.getRepository(CommunityMemberEntity).insert({ communityId: community.id, userId: viewer.id });
        return community;
      });
    } catch (error) {
      // Two creations of one slug at once both pass the check above; the unique key refuses the second.
      if ((error as { constraint?: string }).constraint === 'communities_slug_key') throw taken();
      throw error;
    }
  }

  /**
   * Joining makes the person a member (counted, listed as theirs) and follows the
   * community, so joining visibly does something: its new questions reach their
   * notifications and digest. They may unfollow and stay a member.
   */
  async join(viewer: Viewer, communityId: string): Promise<CommunityEntity> {
    const community = await this.require(communityId);
    await this.db.transaction(async (tx) => {
      const joined = (await tx.query('INSERT INTO community_members (community_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING user_id', [
        community.id,
        viewer.id,
      ])) as unknown[];
      // Only a new membership follows: joining again does not undo an unfollow chosen since.
      if (joined.length > 0) await this.subscriptions.followJoinedCommunity(tx, viewer.id, community.id);
    });
    return community;
  }

  /** Leaving ends the membership and the follow that joining started (a follow of the community, however made). */
  async leave(viewer: Viewer, communityId: string): Promise<CommunityEntity> {
    const community = await this.require(communityId);
    await this.db.transaction(async (tx) => {
      await tx.getRepository(CommunityMemberEntity).delete({ communityId: community.id, userId: viewer.id });
      await this.subscriptions.unfollowLeftCommunity(tx, viewer.id, community.id);
    });
    return community;
  }

  async memberCounts(communityIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db
      .getRepository(CommunityMemberEntity)
      .createQueryBuilder('m')
      .select('m.community_id', 'communityId')
      .addSelect('count(*)::int', 'count')
      .where('m.community_id IN (:...ids)', { ids: [...communityIds] })
      .groupBy('m.community_id')
      .getRawMany<{ communityId: string; count: number }>();
    return new Map(rows.map((r) => [r.communityId, r.count]));
  }

  async memberships(userId: string, communityIds: readonly string[]): Promise<Set<string>> {
    const rows = await this.db.getRepository(CommunityMemberEntity).findBy({ userId, communityId: In([...communityIds]) });
    return new Set(rows.map((r) => r.communityId));
  }

  // ---- moderators ----------------------------------------------------------

  /** Moderators of each community, longest-serving first. */
  moderatorsOf(communityIds: readonly string[]): Promise<CommunityModeratorEntity[]> {
    return this.db.getRepository(CommunityModeratorEntity).find({ where: { communityId: In([...communityIds]) }, order: { appointedAt: 'ASC', userId: 'ASC' } });
  }

  /** The communities each person moderates, by title. */
  async moderatedBy(userIds: readonly string[]): Promise<(CommunityEntity & { moderatorId: string })[]> {
    const rows = await this.db
      .getRepository(CommunityEntity)
      .createQueryBuilder('c')
      .innerJoin(CommunityModeratorEntity, 'm', 'm.community_id = c.id')
      .addSelect('m.user_id', 'moderator_id')
      .where('m.user_id IN (:...userIds)', { userIds: [...userIds] })
      .orderBy('c.title', 'ASC')
      .getRawAndEntities();
    return rows.entities.map((entity, index) => ({ ...entity, moderatorId: (rows.raw[index] as { moderator_id: string }).moderator_id }));
  }

  /** Appoints a moderator (site admins only); appointing someone twice changes nothing. */
  async appointModerator(viewer: Viewer, input: CommunityModeratorInput): Promise<CommunityEntity> {
    authorize(viewer, 'appoint-community-moderator', { kind: 'site' });
    const community = await this.require(input.communityId);
    if (!isUuid(input.userId)) throw this.noSuchPerson();
    try {
      await this.db
        .createQueryBuilder()
        .insert()
        .into(CommunityModeratorEntity)
        .values({ communityId: community.id, userId: input.userId, appointedBy: viewer.id })
        .orIgnore()
        .execute();
    } catch (error) {
      // The only foreign key left to fail is the person's.
      if ((error as { code?: string }).code === '23503') throw this.noSuchPerson();
      throw error;
    }
    return community;
  }

  /** Removes a moderator (site admins only); takes effect on their next request. */
  async removeModerator(viewer: Viewer, input: CommunityModeratorInput): Promise<CommunityEntity> {
    authorize(viewer, 'appoint-community-moderator', { kind: 'site' });
    const community = await this.require(input.communityId);
    if (isUuid(input.userId)) await this.db.getRepository(CommunityModeratorEntity).delete({ communityId: community.id, userId: input.userId });
    return community;
  }

  private noSuchPerson(): CommunitiesException {
    return new CommunitiesException(CommunitiesExceptionCode.USER_NOT_FOUND, 'That person does not exist.', { field: 'userId' });
  }

  /** Erasure, inside its transaction: the communities the person joined or moderated. */
  async eraseUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('DELETE FROM community_members WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM community_moderators WHERE user_id = $1', [userId]);
  }
}

import { Injectable } from '@nestjs/common';
import { isUuid } from '../../common/ids.js';
import { CommunitiesService } from '../communities/communities.service.js';
import { PoliciesService } from '../policies/policies.service.js';
import { PublishedQuestions } from '../questions/published-questions.service.js';
import { QuestionsService } from '../questions/questions.service.js';
import type { FollowInput } from './dto/subscriptions.input.js';
import { SubscriptionsException, SubscriptionsExceptionCode } from './subscriptions.exception.js';
import { FollowKind, type FollowModel } from './subscriptions.model.js';
import { SubscriptionsService, type Follow } from './subscriptions.service.js';

/** Something that can be followed, as its owning module names it. */
interface FollowTarget {
  id: string;
  label: string;
}

/** How one kind of target is found: by ids (many at once), and by slug for kinds that have one. */
interface TargetLookup {
  byIds(ids: string[]): Promise<FollowTarget[]>;
  bySlug?(slug: string): Promise<FollowTarget | null>;
}

/**
 * Following over GraphQL: finds the target (by id, or by slug for communities, tags and
 * policy documents) and names what people follow, asking the module that owns each kind,
 * one statement per kind whatever the number of follows. The follows themselves are
 * SubscriptionsService's.
 */
@Injectable()
export class FollowingService {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly communities: CommunitiesService,
    private readonly questions: QuestionsService,
    private readonly publishedQuestions: PublishedQuestions,
    private readonly policies: PoliciesService,
  ) {}

  async follow(userId: string, input: FollowInput): Promise<FollowModel> {
    const target = await this.findTarget(input.kind, input.targetId);
    if (!target) throw new SubscriptionsException(SubscriptionsExceptionCode.FOLLOW_TARGET_NOT_FOUND, 'There is nothing to follow with that id.', { field: 'targetId' });
    await this.subscriptions.follow(userId, { kind: input.kind, targetId: target.id });
    return { kind: input.kind, targetId: target.id, label: target.label };
  }

  /** True when a follow was removed; an unknown target was never followed. */
  async unfollow(userId: string, input: FollowInput): Promise<boolean> {
    const target = await this.findTarget(input.kind, input.targetId);
    if (!target) return false;
    return this.subscriptions.unfollow(userId, { kind: input.kind, targetId: target.id });
  }

  /** By kind, then oldest first; a target that no longer exists is labelled ''. */
  async follows(userId: string, first: number): Promise<FollowModel[]> {
    const follows = await this.subscriptions.follows(userId, first);
    const labels = await this.labels(follows);
    return follows.map((follow) => ({ kind: follow.kind, targetId: follow.targetId, label: labels.get(follow.kind)?.get(follow.targetId) ?? '' }));
  }

  private async labels(follows: readonly Follow[]): Promise<Map<FollowKind, Map<string, string>>> {
    const idsByKind = new Map<FollowKind, Set<string>>();
    for (const follow of follows) idsByKind.set(follow.kind, (idsByKind.get(follow.kind) ?? new Set<string>()).add(follow.targetId));
    const labelled = await Promise.all(
      [...idsByKind].map(async ([kind, ids]) => {
        const targets = await this.lookup(kind).byIds([...ids]);
        return [kind, new Map(targets.map((target) => [target.id, target.label]))] as const;
      }),
    );
    return new Map(labelled);
  }

  private async findTarget(kind: FollowKind, idOrSlug: string): Promise<FollowTarget | null> {
    const lookup = this.lookup(kind);
    if (isUuid(idOrSlug)) return (await lookup.byIds([idOrSlug]))[0] ?? null;
    return lookup.bySlug ? lookup.bySlug(idOrSlug.trim().toLowerCase()) : null;
  }

  private lookup(kind: FollowKind): TargetLookup {
    switch (kind) {
      case FollowKind.COMMUNITY:
        return named((ids) => this.communities.byIds(ids), (community) => community.title, (slug) => this.communities.findBySlug(slug));
      case FollowKind.TAG:
        return named((ids) => this.questions.tagsByIds(ids), (tag) => tag.slug, (slug) => this.publishedQuestions.findTag(slug));
      case FollowKind.QUESTION:
        return named((ids) => this.questions.byIds(ids), (question) => question.title);
      case FollowKind.POLICY_DOCUMENT:
        return named((ids) => this.policies.documentsByIds(ids), (document) => document.title, (slug) => this.policies.findDocumentBySlug(slug));
    }
  }
}

/** A kind's lookup from its owning module's finders, each row named by `label`. */
function named<T extends { id: string }>(
  byIds: (ids: string[]) => Promise<T[]>,
  label: (row: T) => string,
  bySlug?: (slug: string) => Promise<T | null>,
): TargetLookup {
  const target = (row: T): FollowTarget => ({ id: row.id, label: label(row) });
  return {
    byIds: async (ids) => (await byIds(ids)).map(target),
    bySlug: bySlug && (async (slug) => {
      const row = await bySlug(slug);
      return row && target(row);
    }),
  };
}

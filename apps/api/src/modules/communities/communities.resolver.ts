import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Loaders, OptionalViewer, SignedInGuard } from '../../common/auth.js';
import { byKeys, type RequestLoaders } from '../../common/loaders.js';
import type { Viewer } from '../../common/request-context.js';
import { CommunitiesService } from './communities.service.js';
import { CommunityModel } from './community.model.js';
import { CreateCommunityInput } from './dto/create-community.input.js';
import type { CommunityEntity } from './community.entity.js';
import { firstArg, pageSize } from '../../common/pagination.js';

export const toCommunityModel = (c: CommunityEntity): CommunityModel => ({ id: c.id, slug: c.slug, title: c.title, description: c.description });

/** The community loader other modules use for `question.community`. */
export function loadCommunity(loaders: RequestLoaders, communities: CommunitiesService, id: string): Promise<CommunityModel> {
  return loaders
    .get<string, CommunityModel>('communities.byId', async (ids) =>
      byKeys(ids, await communities.byIds(ids), (c) => c.id, (missing) => new Error(`community ${missing} not found`), toCommunityModel),
    )
    .load(id);
}

@Resolver(() => CommunityModel)
export class CommunitiesResolver {
  constructor(private readonly communitiesService: CommunitiesService) {}

  @Query(() => [CommunityModel], { description: 'By title.' })
  async communities(@Args('first', firstArg(100)) first: number | null): Promise<CommunityModel[]> {
    return (await this.communitiesService.list(pageSize(first, 100))).map(toCommunityModel);
  }

  @Query(() => CommunityModel, { nullable: true })
  async community(@Args('slug') slug: string): Promise<CommunityModel | null> {
    const community = await this.communitiesService.findBySlug(slug);
    return community ? toCommunityModel(community) : null;
  }

  @Mutation(() => CommunityModel)
  @UseGuards(SignedInGuard)
  async createCommunity(@Args('input') input: CreateCommunityInput, @CurrentViewer() viewer: Viewer): Promise<CommunityModel> {
    return toCommunityModel(await this.communitiesService.create(viewer, input));
  }

  @Mutation(() => CommunityModel)
  @UseGuards(SignedInGuard)
  async joinCommunity(@Args('communityId', { type: () => ID }) communityId: string, @CurrentViewer() viewer: Viewer): Promise<CommunityModel> {
    return toCommunityModel(await this.communitiesService.join(viewer, communityId));
  }

  @Mutation(() => CommunityModel)
  @UseGuards(SignedInGuard)
  async leaveCommunity(@Args('communityId', { type: () => ID }) communityId: string, @CurrentViewer() viewer: Viewer): Promise<CommunityModel> {
    return toCommunityModel(await this.communitiesService.leave(viewer, communityId));
  }

  @ResolveField(() => Int)
  memberCount(@Parent() community: CommunityModel, @Loaders() loaders: RequestLoaders): Promise<number> {
    return loaders
      .get<string, number>('communities.memberCount', async (ids) => {
        const counts = await this.communitiesService.memberCounts(ids);
        return ids.map((id) => counts.get(id) ?? 0);
      })
      .load(community.id);
  }

  @ResolveField(() => Boolean)
  async viewerIsMember(@Parent() community: CommunityModel, @OptionalViewer() viewer: Viewer | null, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    if (!viewer) return false;
    return loaders
      .get<string, boolean>('communities.viewerIsMember', async (ids) => {
        const member = await this.communitiesService.memberships(viewer.id, ids);
        return ids.map((id) => member.has(id));
      })
      .load(community.id);
  }
}

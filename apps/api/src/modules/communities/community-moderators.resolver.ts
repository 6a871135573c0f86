import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Loaders, OptionalViewer, SignedInGuard } from '../../common/auth.js';
import { groupByKeys, type RequestLoaders } from '../../common/loaders.js';
import type { Viewer } from '../../common/request-context.js';
import { can } from '../access/access.policy.js';
import { MeModel, UserModel } from '../accounts/accounts.model.js';
import { loadUser } from '../accounts/accounts.resolver.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { toCommunityModel } from './communities.resolver.js';
import { CommunitiesService } from './communities.service.js';
import { CommunityModel } from './community.model.js';
import { CommunityModeratorInput } from './dto/community-moderator.input.js';

/** Who moderates a community: appointed by site admins, public like an organisation's members. */
@Resolver(() => CommunityModel)
export class CommunityModeratorsResolver {
  constructor(
    private readonly communities: CommunitiesService,
    private readonly accounts: AccountsService,
  ) {}

  @Mutation(() => CommunityModel, { description: 'Site admins only.' })
  @UseGuards(SignedInGuard)
  async appointCommunityModerator(@Args('input') input: CommunityModeratorInput, @CurrentViewer() viewer: Viewer): Promise<CommunityModel> {
    return toCommunityModel(await this.communities.appointModerator(viewer, input));
  }

  @Mutation(() => CommunityModel, { description: 'Site admins only.' })
  @UseGuards(SignedInGuard)
  async removeCommunityModerator(@Args('input') input: CommunityModeratorInput, @CurrentViewer() viewer: Viewer): Promise<CommunityModel> {
    return toCommunityModel(await this.communities.removeModerator(viewer, input));
  }

  @ResolveField(() => [UserModel], { description: 'Appointed moderators, longest-serving first (site moderators and admins moderate everywhere and are not listed).' })
  async moderators(@Parent() community: CommunityModel, @Loaders() loaders: RequestLoaders): Promise<UserModel[]> {
    const moderators = await loaders
      .get<string, { userId: string }[]>('communities.moderators', async (ids) => groupByKeys(ids, await this.communities.moderatorsOf(ids), (m) => m.communityId))
      .load(community.id);
    return Promise.all(moderators.map((m) => loadUser(loaders, this.accounts, m.userId)));
  }

  @ResolveField(() => Boolean, { description: 'Whether the signed-in person moderates this community (appointed here, or site staff).' })
  viewerCanModerate(@Parent() community: CommunityModel, @OptionalViewer() viewer: Viewer | null): boolean {
    return can(viewer, 'moderate', { kind: 'community', communityId: community.id }).allowed;
  }
}

@Resolver(() => MeModel)
export class MeModeratedCommunitiesResolver {
  constructor(private readonly communities: CommunitiesService) {}

  @ResolveField(() => [CommunityModel], { description: 'Communities you were appointed to moderate, by title.' })
  moderatedCommunities(@Parent() me: MeModel, @Loaders() loaders: RequestLoaders): Promise<CommunityModel[]> {
    return loaders
      .get<string, CommunityModel[]>('communities.moderatedBy', async (ids) =>
        groupByKeys(ids, await this.communities.moderatedBy(ids), (c) => c.moderatorId).map((cs) => cs.map(toCommunityModel)),
      )
      .load(me.user.id);
  }
}

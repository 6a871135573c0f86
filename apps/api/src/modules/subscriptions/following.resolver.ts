import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedInGuard } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limits.js';
import type { Viewer } from '../../common/request-context.js';
import { firstArg, pageSize } from '../../common/pagination.js';
import { MeModel } from '../accounts/accounts.model.js';
import { FollowInput } from './dto/subscriptions.input.js';
import { FollowingService } from './following.service.js';
import { FollowModel } from './subscriptions.model.js';

@Resolver()
export class FollowingResolver {
  constructor(private readonly following: FollowingService) {}

  @Mutation(() => FollowModel)
  @UseGuards(SignedInGuard)
  @RateLimit('follow')
  follow(@CurrentViewer() viewer: Viewer, @Args('input') input: FollowInput): Promise<FollowModel> {
    return this.following.follow(viewer.id, input);
  }

  @Mutation(() => Boolean, { description: 'True when a follow was removed.' })
  @UseGuards(SignedInGuard)
  @RateLimit('follow')
  unfollow(@CurrentViewer() viewer: Viewer, @Args('input') input: FollowInput): Promise<boolean> {
    return this.following.unfollow(viewer.id, input);
  }
}

@Resolver(() => MeModel)
export class MeFollowsResolver {
  constructor(private readonly following: FollowingService) {}

  @ResolveField(() => [FollowModel], { description: 'By kind, then oldest first.' })
  follows(@Parent() me: MeModel, @Args('first', firstArg(100)) first: number | null): Promise<FollowModel[]> {
    return this.following.follows(me.user.id, pageSize(first, 100));
  }
}

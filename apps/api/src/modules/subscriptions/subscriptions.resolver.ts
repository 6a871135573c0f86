import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedInGuard } from '../../common/auth.js';
import { RateLimit } from '../../common/rate-limits.js';
import type { Viewer } from '../../common/request-context.js';
import { firstArg, pageSize } from '../../common/pagination.js';
import { MeModel } from '../accounts/accounts.model.js';
import { FollowInput, NotificationSettingsInput } from './dto/subscriptions.input.js';
import { FollowModel, NotificationSettingsModel } from './subscriptions.model.js';
import { SubscriptionsService } from './subscriptions.service.js';

@Resolver()
export class SubscriptionsResolver {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Mutation(() => FollowModel)
  @UseGuards(SignedInGuard)
  @RateLimit('follow')
  follow(@CurrentViewer() viewer: Viewer, @Args('input') input: FollowInput): Promise<FollowModel> {
    return this.subscriptions.follow(viewer.id, input);
  }

  @Mutation(() => Boolean, { description: 'True when a follow was removed.' })
  @UseGuards(SignedInGuard)
  @RateLimit('follow')
  unfollow(@CurrentViewer() viewer: Viewer, @Args('input') input: FollowInput): Promise<boolean> {
    return this.subscriptions.unfollow(viewer.id, input);
  }

  @Mutation(() => NotificationSettingsModel)
  @UseGuards(SignedInGuard)
  updateNotificationSettings(@CurrentViewer() viewer: Viewer, @Args('input') input: NotificationSettingsInput): Promise<NotificationSettingsModel> {
    return this.subscriptions.updateSettings(viewer.id, input);
  }
}

@Resolver(() => MeModel)
export class MeSubscriptionsResolver {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @ResolveField(() => NotificationSettingsModel)
  notificationSettings(@Parent() me: MeModel): Promise<NotificationSettingsModel> {
    return this.subscriptions.settings(me.user.id);
  }

  @ResolveField(() => [FollowModel], { description: 'By kind, then oldest first.' })
  follows(@Parent() me: MeModel, @Args('first', firstArg(100)) first: number | null): Promise<FollowModel[]> {
    return this.subscriptions.follows(me.user.id, pageSize(first, 100));
  }
}

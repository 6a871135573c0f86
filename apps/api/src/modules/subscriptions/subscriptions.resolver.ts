import { UseGuards } from '@nestjs/common';
import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedInGuard } from '../../common/auth.js';
import type { Viewer } from '../../common/request-context.js';
import { MeModel } from '../accounts/accounts.model.js';
import { NotificationSettingsInput } from './dto/subscriptions.input.js';
import { NotificationSettingsModel } from './subscriptions.model.js';
import { SubscriptionsService } from './subscriptions.service.js';

/** Notification settings; following and unfollowing are `FollowingResolver`'s (following.resolver.ts). */
@Resolver()
export class SubscriptionsResolver {
  constructor(private readonly subscriptions: SubscriptionsService) {}

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
}

import { UseGuards } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedInGuard } from '../../common/auth.js';
import type { Viewer } from '../../common/request-context.js';
import { MeModel } from '../accounts/accounts.model.js';
import { NotificationModel } from './notification.model.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => MeModel)
export class MeNotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @ResolveField(() => [NotificationModel])
  notifications(
    @Parent() me: MeModel,
    @Args('unreadOnly', { type: () => Boolean, nullable: true, defaultValue: false }) unreadOnly: boolean,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<NotificationModel[]> {
    return this.service.list(me.user.id, unreadOnly, first);
  }

  @ResolveField(() => Int)
  unreadNotificationCount(@Parent() me: MeModel): Promise<number> {
    return this.service.unreadCount(me.user.id);
  }
}

@Resolver()
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Mutation(() => Int, { description: 'Marks the given notifications read, or all of them when ids is null; returns how many changed.' })
  @UseGuards(SignedInGuard)
  markNotificationsRead(@CurrentViewer() viewer: Viewer, @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null): Promise<number> {
    return this.service.markRead(viewer.id, ids);
  }
}

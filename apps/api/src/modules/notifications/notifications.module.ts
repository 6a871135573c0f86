import { Module } from '@nestjs/common';
import { MeNotificationsResolver, NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  providers: [NotificationsService, NotificationsResolver, MeNotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}

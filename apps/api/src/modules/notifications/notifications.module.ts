import { Module } from '@nestjs/common';
import { CitationsModule } from '../citations/citations.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { CitedSectionNotifier } from './cited-section-notifier.js';
import { MeNotificationsResolver, NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [PoliciesModule, CitationsModule],
  providers: [NotificationsService, NotificationsResolver, MeNotificationsResolver, CitedSectionNotifier],
  exports: [NotificationsService, CitedSectionNotifier],
})
export class NotificationsModule {}

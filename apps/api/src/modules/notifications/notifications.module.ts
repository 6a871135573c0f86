import { Module } from '@nestjs/common';
import { CitationsModule } from '../citations/citations.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { PolicyVersionNotifier } from './policy-version-notifier.js';
import { MeNotificationsResolver, NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

@Module({
  imports: [PoliciesModule, CitationsModule, SubscriptionsModule],
  providers: [NotificationsService, NotificationsResolver, MeNotificationsResolver, PolicyVersionNotifier],
  exports: [NotificationsService, PolicyVersionNotifier],
})
export class NotificationsModule {}

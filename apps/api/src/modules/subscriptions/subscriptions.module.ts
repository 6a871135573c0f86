import { Module } from '@nestjs/common';
import { MeSubscriptionsResolver, SubscriptionsResolver } from './subscriptions.resolver.js';
import { SubscriptionsService } from './subscriptions.service.js';

@Module({
  providers: [SubscriptionsService, SubscriptionsResolver, MeSubscriptionsResolver],
  exports: [SubscriptionsService],
})
export class SubscriptionsModule {}

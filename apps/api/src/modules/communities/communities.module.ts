import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { CommunitiesResolver } from './communities.resolver.js';
import { CommunitiesService } from './communities.service.js';
import { CommunityModeratorsResolver, MeModeratedCommunitiesResolver } from './community-moderators.resolver.js';

@Module({
  imports: [AccountsModule, SubscriptionsModule],
  providers: [CommunitiesService, CommunitiesResolver, CommunityModeratorsResolver, MeModeratedCommunitiesResolver],
  exports: [CommunitiesService],
})
export class CommunitiesModule {}

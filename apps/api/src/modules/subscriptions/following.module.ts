import { Module } from '@nestjs/common';
import { CommunitiesModule } from '../communities/communities.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { FollowingResolver, MeFollowsResolver } from './following.resolver.js';
import { FollowingService } from './following.service.js';
import { SubscriptionsModule } from './subscriptions.module.js';

/**
 * Following and unfollowing over GraphQL, and the labels of what people follow. Apart from
 * SubscriptionsModule because it asks the modules that own the targets (communities, tags
 * and questions, policy documents), and communities depends on subscriptions.
 */
@Module({
  imports: [SubscriptionsModule, CommunitiesModule, QuestionsModule, PoliciesModule],
  providers: [FollowingService, FollowingResolver, MeFollowsResolver],
})
export class FollowingModule {}

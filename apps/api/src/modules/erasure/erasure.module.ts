import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AnswersModule } from '../answers/answers.module.js';
import { CommentsModule } from '../comments/comments.module.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { DigestsModule } from '../digests/digests.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { OrganisationsModule } from '../organisations/organisations.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { ErasureResolver } from './erasure.resolver.js';
import { ErasureService } from './erasure.service.js';

/** Depends on every module that holds something about a person; nothing depends on it. */
@Module({
  imports: [AccountsModule, OrganisationsModule, CommunitiesModule, QuestionsModule, AnswersModule, CommentsModule, SubscriptionsModule, NotificationsModule, DigestsModule],
  providers: [ErasureService, ErasureResolver],
})
export class ErasureModule {}

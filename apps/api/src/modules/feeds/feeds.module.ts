import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AnswersModule } from '../answers/answers.module.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { FeedsController } from './feeds.controller.js';
import { FeedsService } from './feeds.service.js';
import { SitemapsController } from './sitemaps.controller.js';
import { SitemapsService } from './sitemaps.service.js';

/** The site on the open web beside the app: Atom feeds, robots.txt and sitemaps (plain HTTP, see README.md). */
@Module({
  imports: [AccountsModule, AnswersModule, CommunitiesModule, PoliciesModule, QuestionsModule],
  controllers: [FeedsController, SitemapsController],
  providers: [FeedsService, SitemapsService],
})
export class FeedsModule {}

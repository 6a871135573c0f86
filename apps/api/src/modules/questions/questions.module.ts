import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CitationRecorderModule } from '../citations/citation-recorder.module.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { RevisionsModule } from '../revisions/revisions.module.js';
import { PublishedQuestions } from './published-questions.service.js';
import { QuestionsResolver, TagsResolver } from './questions.resolver.js';
import { UserQuestionsResolver } from './user-questions.resolver.js';
import { QuestionsService } from './questions.service.js';

@Module({
  imports: [AccountsModule, CitationRecorderModule, CommunitiesModule, RevisionsModule],
  providers: [QuestionsService, PublishedQuestions, QuestionsResolver, TagsResolver, UserQuestionsResolver],
  exports: [QuestionsService, PublishedQuestions],
})
export class QuestionsModule {}

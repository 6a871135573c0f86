import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { CitationRecorderModule } from '../citations/citation-recorder.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { RevisionsModule } from '../revisions/revisions.module.js';
import { AnswersResolver, QuestionAnswersResolver } from './answers.resolver.js';
import { UserAnswersResolver } from './user-answers.resolver.js';
import { AnswersService } from './answers.service.js';
import { PublishedAnswers } from './published-answers.service.js';

@Module({
  imports: [AccountsModule, CitationRecorderModule, QuestionsModule, RevisionsModule],
  providers: [AnswersService, PublishedAnswers, AnswersResolver, QuestionAnswersResolver, UserAnswersResolver],
  exports: [AnswersService, PublishedAnswers],
})
export class AnswersModule {}

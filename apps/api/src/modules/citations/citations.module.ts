import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import {
  AnswerCitationsResolver,
  CitationsResolver,
  DocumentCitationsResolver,
  DraftCitationsResolver,
  QuestionCitationsResolver,
} from './citations.resolver.js';
import { CitationsService } from './citations.service.js';

/** Citations of policy sections in questions and answers: checked and recorded on every save. */
@Module({
  imports: [QuestionsModule, AnswersModule, PoliciesModule],
  providers: [CitationsService, CitationsResolver, QuestionCitationsResolver, AnswerCitationsResolver, DocumentCitationsResolver, DraftCitationsResolver],
  exports: [CitationsService],
})
export class CitationsModule {}

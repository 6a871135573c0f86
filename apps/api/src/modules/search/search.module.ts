import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module.js';
import { PoliciesModule } from '../policies/policies.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { PolicySectionHitResolver, SearchResolver } from './search.resolver.js';
import { SearchService } from './search.service.js';

@Module({
  imports: [QuestionsModule, AnswersModule, PoliciesModule],
  providers: [SearchService, SearchResolver, PolicySectionHitResolver],
})
export class SearchModule {}

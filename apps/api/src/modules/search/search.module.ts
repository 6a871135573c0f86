import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { SearchResolver } from './search.resolver.js';
import { SearchService } from './search.service.js';

@Module({
  imports: [QuestionsModule, AnswersModule],
  providers: [SearchService, SearchResolver],
})
export class SearchModule {}

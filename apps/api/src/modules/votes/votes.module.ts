import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module.js';
import { AnswerVotesResolver, VotesResolver } from './votes.resolver.js';
import { VotesService } from './votes.service.js';

@Module({
  imports: [AnswersModule],
  providers: [VotesService, VotesResolver, AnswerVotesResolver],
})
export class VotesModule {}

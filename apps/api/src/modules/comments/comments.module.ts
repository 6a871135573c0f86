import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AnswersModule } from '../answers/answers.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import { AnswerCommentsResolver, CommentRevisionsResolver, CommentsResolver, QuestionCommentsResolver } from './comments.resolver.js';
import { CommentsService } from './comments.service.js';

@Module({
  imports: [AccountsModule, QuestionsModule, AnswersModule],
  providers: [CommentsService, CommentsResolver, CommentRevisionsResolver, QuestionCommentsResolver, AnswerCommentsResolver],
  exports: [CommentsService],
})
export class CommentsModule {}

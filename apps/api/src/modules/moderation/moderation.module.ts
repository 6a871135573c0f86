import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module.js';
import { AnswersModule } from '../answers/answers.module.js';
import { CommentsModule } from '../comments/comments.module.js';
import { CommunitiesModule } from '../communities/communities.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { QuestionsModule } from '../questions/questions.module.js';
import {
  AnswerModerationResolver,
  CommentModerationResolver,
  FlaggedPostResolver,
  FlagResolver,
  ModerationLogEntryResolver,
  ModerationResolver,
  QuestionModerationResolver,
  UserSuspensionResolver,
} from './moderation.resolver.js';
import { ModerationService } from './moderation.service.js';

@Module({
  imports: [AccountsModule, CommunitiesModule, QuestionsModule, AnswersModule, CommentsModule, NotificationsModule],
  providers: [
    ModerationService,
    ModerationResolver,
    QuestionModerationResolver,
    AnswerModerationResolver,
    CommentModerationResolver,
    FlaggedPostResolver,
    FlagResolver,
    ModerationLogEntryResolver,
    UserSuspensionResolver,
  ],
  exports: [ModerationService],
})
export class ModerationModule {}

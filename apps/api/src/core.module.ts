import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { RateLimitsModule } from './common/rate-limits.js';
import { dataSourceOptions } from './database/data-source-options.js';
import { runMigrations } from './database/migrate.js';
import { ReplicatedDataSource } from './database/read-routing.js';
import { OutboxDeliveryModule } from './outbox-delivery.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { AnswersModule } from './modules/answers/answers.module.js';
import { CitationsModule } from './modules/citations/citations.module.js';
import { CommentsModule } from './modules/comments/comments.module.js';
import { CommunitiesModule } from './modules/communities/communities.module.js';
import { PoliciesModule } from './modules/policies/policies.module.js';
import { DigestsModule } from './modules/digests/digests.module.js';
import { ErasureModule } from './modules/erasure/erasure.module.js';
import { ModerationModule } from './modules/moderation/moderation.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { OrganisationsModule } from './modules/organisations/organisations.module.js';
import { QuestionsModule } from './modules/questions/questions.module.js';
import { RevisionsModule } from './modules/revisions/revisions.module.js';
import { SearchModule } from './modules/search/search.module.js';
import { FollowingModule } from './modules/subscriptions/following.module.js';
import { SubscriptionsModule } from './modules/subscriptions/subscriptions.module.js';
import { VotesModule } from './modules/votes/votes.module.js';
import { QueuesModule } from './queues/queues.module.js';
import { RedisModule } from './redis/redis.module.js';

/** What the api and the worker share: configuration, PostgreSQL, Redis, queues and the domain modules. */
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(config),
          // Migrations first, under the advisory lock, so instances starting together do not race.
          dataSourceFactory: async (options) => {
            if (config.runMigrations) await runMigrations(config.databaseUrl);
            return new ReplicatedDataSource(options as DataSourceOptions).initialize();
          },
        }),
        RedisModule,
        RateLimitsModule,
        QueuesModule,
        AccountsModule,
        CommunitiesModule,
        OrganisationsModule,
        RevisionsModule,
        QuestionsModule,
        AnswersModule,
        CommentsModule,
        VotesModule,
        SearchModule,
        PoliciesModule,
        CitationsModule,
        SubscriptionsModule,
        FollowingModule,
        NotificationsModule,
        ModerationModule,
        DigestsModule,
        ErasureModule,
        OutboxDeliveryModule,
      ],
      exports: [ConfigModule, TypeOrmModule, RedisModule, QueuesModule],
    };
  }
}

import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { compiledExecution } from './common/compiled-execution.js';
import { rethrowUnavailable, toPublicError } from './common/errors.js';
import { RequestLoaders } from './common/loaders.js';
import { queryLimitRules } from './common/query-limits.js';
import type { RequestContext } from './common/request-context.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { CoreModule } from './core.module.js';
import { HealthModule } from './health/health.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { AccountsService } from './modules/accounts/accounts.service.js';
import { DigestsHttpModule } from './modules/digests/digests-http.module.js';
import { FeedsModule } from './modules/feeds/feeds.module.js';
import { pageCacheInvalidation } from './modules/pages/page-cache-invalidation.js';
import { PagesModule } from './modules/pages/pages.module.js';
import { PagesService } from './modules/pages/pages.service.js';
import { sessionTokenFrom } from './modules/accounts/session-cookie.js';

/** One GraphQL request's context: who is asking (from the session cookie or bearer token) and its DataLoaders. */
export async function requestContext(accounts: AccountsService, config: AppConfig, req: Request, res: Response): Promise<RequestContext> {
  return {
    req,
    res,
    viewer: await accounts.viewerForToken(sessionTokenFrom(req, config)).catch(rethrowUnavailable),
    loaders: new RequestLoaders(),
  };
}

/** The HTTP application: GraphQL at /graphql, health at /health, feeds and sitemaps (modules/feeds), server-rendered pages (modules/pages). */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const development = config.environment === 'development';
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AccountsModule, PagesModule],
          inject: [AccountsService, PagesService, GraphQLSchemaHost],
          useFactory: (accounts: AccountsService, pages: PagesService, schemaHost: GraphQLSchemaHost): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            graphiql: development,
            // Introspection serves developers and tests; in production (NODE_ENV unset included) it only maps the attack surface.
            introspection: !config.isProduction,
            includeStacktraceInErrorResponses: development,
            // The limits run before Apollo (http-app.ts, so a refusal costs no SQL); again here for completeness.
            validationRules: queryLimitRules(),
            // No response is cached by hints, and the default cache-control plugin wraps every field's
            // resolver to read them: about 3 % of the api's time on a question list (--cpu-prof).
            plugins: [ApolloServerPluginCacheControlDisabled(), pageCacheInvalidation(pages)],
            // Queries run compiled by graphql-jit (compiled-execution.ts says why, with the measurements).
            ...({ gateway: compiledExecution(() => schemaHost.schema) } as Partial<ApolloDriverConfig>),
            // "Did you mean …?" in validation errors would map the schema for whoever guesses field names.
            hideSchemaDetailsFromClientErrors: config.isProduction,
            // Trusted documents replace Apollo's automatic persisted queries, which would let any client register any text.
            persistedQueries: false,
            // One operation per request (graphql-request-guard.ts refuses arrays before Apollo sees them).
            allowBatchedHttpRequests: false,
            context: ({ req, res }: { req: Request; res: Response }) => requestContext(accounts, config, req, res),
            formatError: (formatted, error) => toPublicError(formatted, error, development),
          }),
        }),
        DigestsHttpModule,
        FeedsModule,
        PagesModule,
        HealthModule,
      ],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
    };
  }
}

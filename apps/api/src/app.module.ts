import { Module, type DynamicModule } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import { severalOperationsUncompiled } from './common/compiled-operations.js';
import { rethrowUnavailable } from './common/errors.js';
import { executionErrorFormatter, graphqlErrorOptions, requestErrorHandler } from './common/graphql-errors.js';
import { graphqlRequestGuard, operationTypeOf } from './common/graphql-request-guard.js';
import { RequestLoaders } from './common/loaders.js';
import { queryLimitRules } from './common/query-limits.js';
import type { RequestContext, Viewer } from './common/request-context.js';
import { TrustedDocuments, defaultTrustedDocumentsFile } from './common/trusted-documents.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { CoreModule } from './core.module.js';
import { visitorQueriesReadFromReplicas } from './database/read-routing.js';
import { HealthModule } from './health/health.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { AccountsService } from './modules/accounts/accounts.service.js';
import { DigestsHttpModule } from './modules/digests/digests-http.module.js';
import { FeedsModule } from './modules/feeds/feeds.module.js';
import { pageCacheInvalidation } from './modules/pages/page-cache-invalidation.js';
import { PagesModule } from './modules/pages/pages.module.js';
import { PagesService } from './modules/pages/pages.service.js';
import { sessionTokenFrom } from './modules/accounts/session-cookie.js';

/** Who is asking, per GraphQL request: looked up once the request guard has let the request through. */
const viewers = new WeakMap<FastifyRequest, Viewer | null>();

/** Who is asking: the session cookie's or bearer token's account, or null for a visitor. */
export function viewerOf(accounts: AccountsService, config: AppConfig, req: FastifyRequest): Promise<Viewer | null> {
  return accounts.viewerForToken(sessionTokenFrom(req, config)).catch(rethrowUnavailable);
}

/** One GraphQL request's context: who is asking (from the session cookie or bearer token) and its DataLoaders. */
export function requestContext(req: FastifyRequest, res: FastifyReply, viewer: Viewer | null = viewers.get(req) ?? null): RequestContext {
  return { req, res, viewer, loaders: new RequestLoaders() };
}

/**
 * The preHandlers of the /graphql routes, in order: the request guard (limits, trusted
 * documents; a refusal costs no SQL), the session lookup, and the choice of database.
 */
function graphqlPreHandlers(accounts: AccountsService, config: AppConfig, schemaHost: GraphQLSchemaHost) {
  const trusted = TrustedDocuments.load(defaultTrustedDocumentsFile());
  const hasSession = (req: FastifyRequest) => sessionTokenFrom(req, config) !== undefined;
  return [
    graphqlRequestGuard(() => schemaHost.schema, trusted),
    async (req: FastifyRequest) => {
      viewers.set(req, await viewerOf(accounts, config, req));
    },
    ...(config.databaseReplicaUrls.length ? [visitorQueriesReadFromReplicas(operationTypeOf, hasSession)] : []),
  ];
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
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          imports: [AccountsModule, PagesModule],
          inject: [AccountsService, PagesService, GraphQLSchemaHost],
          useFactory: (accounts: AccountsService, pages: PagesService, schemaHost: GraphQLSchemaHost): MercuriusDriverConfig => {
            const errors = graphqlErrorOptions(config);
            const invalidation = pageCacheInvalidation(pages);
            return {
              path: '/graphql',
              autoSchemaFile: true,
              sortSchema: true,
              graphiql: development,
              // Introspection serves developers and tests; in production (NODE_ENV unset included) it only maps the attack surface.
              // The limits run before the server too (graphqlRequestGuard, so a refusal costs no SQL); again here for completeness.
              validationRules: [...queryLimitRules(), ...(config.isProduction ? [NoSchemaIntrospectionCustomRule] : [])],
              // An operation is compiled by graphql-jit the third time it runs: compiling costs more than
              // running once, so a client sending a new text each time never makes the process compile.
              // Measured in docs/BENCHMARKS.md (npm run bench:driver). Not a document of several
              // operations (compiled-operations.ts).
              jit: 2,
              // One operation per request (the guard refuses arrays with a message first).
              allowBatchedQueries: false,
              // A cross-site form or link cannot send a GraphQL request the browser would not preflight.
              csrfPrevention: { allowedContentTypes: ['application/json'], requiredHeaders: ['apollo-require-preflight', 'x-apollo-operation-name', 'mercurius-require-preflight', 'x-mercurius-operation-name'] },
              additionalRouteOptions: { preHandler: graphqlPreHandlers(accounts, config, schemaHost) },
              context: (req: FastifyRequest, res: FastifyReply) => requestContext(req, res),
              errorFormatter: executionErrorFormatter(errors),
              errorHandler: requestErrorHandler(errors),
              hooks: { preExecution: [severalOperationsUncompiled, invalidation.preExecution], onResolution: invalidation.onResolution },
            };
          },
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

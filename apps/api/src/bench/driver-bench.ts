import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_PIPE, NestFactory } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import pg from 'pg';
import { requestContext, viewerOf } from '../app.module.js';
import { queryLimitRules } from '../common/query-limits.js';
import type { RequestContext } from '../common/request-context.js';
import { TrustedDocuments, defaultTrustedDocumentsFile } from '../common/trusted-documents.js';
import { createValidationPipe } from '../common/validation.js';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { CoreModule } from '../core.module.js';
import { AccountsModule } from '../modules/accounts/accounts.module.js';
import { AccountsService } from '../modules/accounts/accounts.service.js';
import { scaleDatabaseUrl } from '../seed/scale-seed.js';
import { freePort, startBenchProcess, type BenchProcess } from './bench-processes.js';
import { processCpuMs } from './cpu-usage.js';
import { API_NODE_FLAGS, firstDifference, measureLoad, persistedHashes, productionApiEnv, round, startBenchApi, uptime, type Measured } from './read-bench.js';

/**
 * `npm run bench:driver -w @policy-commons/api`: the GraphQL driver side by side, as issue
 * #11 asks before the GraphQL layer is changed (it chose the api's: Mercurius with graphql-jit
 * on Fastify, docs/BENCHMARKS.md). The same domain modules, resolvers, loaders, validation
 * rules and request context are served four ways, each as its own process with the api's
 * heap cap, against the scale data:
 *
 * - `apollo`: NestJS on Express with the Apollo driver (what the api ran before), nothing else;
 * - `apollo-fastify`: the Apollo driver on Nest's Fastify platform, so that the platform's
 *   share and the GraphQL server's share can be told apart;
 * - `mercurius`: NestJS on Fastify with the Mercurius driver, graphql-js executing;
 * - `mercurius-jit`: the same with Mercurius compiling each operation with graphql-jit;
 *
 * and the built api itself (`api`: Mercurius with graphql-jit plus everything in front of it —
 * security headers, compression, the trusted-document and cost guard) for scale. The three
 * driver servers receive the operation's text; the api, as in production, its hash. Rounds
 * alternate so that a machine shared with other work weighs on every server alike. Per
 * server and operation it prints requests/s, p50/p95, and the server's own CPU time per
 * request read from /proc (the fairest figure when PostgreSQL and the load generator share
 * the cores), and checks that every server answers with the same data and statements.
 */
const WARM_UP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const COUNTED_REQUESTS = 10;

type Driver = 'apollo' | 'apollo-fastify' | 'mercurius' | 'mercurius-jit';
const DRIVERS = (process.env.BENCH_DRIVERS?.split(',') ?? ['apollo', 'apollo-fastify', 'mercurius', 'mercurius-jit']) as Driver[];

/** The api's request context (app.module.ts), the viewer looked up as the api's preHandler does. */
const contextFor = async (accounts: AccountsService, config: AppConfig, req: unknown, res: unknown): Promise<RequestContext> =>
  requestContext(req as FastifyRequest, res as FastifyReply, await viewerOf(accounts, config, req as FastifyRequest));

/** The api's GraphQL module (app.module.ts) with only the driver changed; no pages, feeds or health. */
@Module({})
class DriverBenchModule {
  static forRoot(config: AppConfig, driver: Driver): DynamicModule {
    const graphql =
      driver.startsWith('apollo')
        ? GraphQLModule.forRootAsync<ApolloDriverConfig>({
            driver: ApolloDriver,
            imports: [AccountsModule],
            inject: [AccountsService],
            useFactory: (accounts: AccountsService): ApolloDriverConfig => ({
              path: '/graphql',
              autoSchemaFile: true,
              sortSchema: true,
              graphiql: false,
              introspection: false,
              validationRules: queryLimitRules(),
              plugins: [ApolloServerPluginCacheControlDisabled()],
              persistedQueries: false,
              allowBatchedHttpRequests: false,
              // Apollo's Express integration hands the context function { req, res }; its Fastify one, (request, reply).
              context: (first: { req?: unknown; res?: unknown }, reply?: unknown) => (reply ? contextFor(accounts, config, first, reply) : contextFor(accounts, config, first.req, first.res)),
            }),
          })
        : GraphQLModule.forRootAsync<MercuriusDriverConfig>({
            driver: MercuriusDriver,
            imports: [AccountsModule],
            inject: [AccountsService],
            useFactory: (accounts: AccountsService): MercuriusDriverConfig => ({
              path: '/graphql',
              autoSchemaFile: true,
              sortSchema: true,
              graphiql: false,
              // 1: compiled the first time an operation is seen again, so the warm-up compiles it.
              jit: driver === 'mercurius-jit' ? 1 : 0,
              validationRules: queryLimitRules(),
              context: (request: unknown, reply: unknown) => contextFor(accounts, config, request, reply),
            }),
          });
    return {
      module: DriverBenchModule,
      imports: [CoreModule.forRoot(config), graphql],
      providers: [{ provide: APP_PIPE, useFactory: createValidationPipe }],
    };
  }
}

/** In a child process: one driver's server on PORT until SIGTERM. */
async function serve(driver: Driver): Promise<void> {
  const config = loadConfig();
  const module = DriverBenchModule.forRoot(config, driver);
  const onExpress = driver === 'apollo';
  const app = onExpress ? await NestFactory.create(module, { logger: ['error'] }) : await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { logger: ['error'] });
  app.enableShutdownHooks();
  await app.listen(config.port, '127.0.0.1');
}

interface Operation {
  name: string;
  text: string;
  hash: string;
  variables: Record<string, unknown>;
}

function operations(questionId: string): Operation[] {
  const hashes = persistedHashes();
  const trusted = TrustedDocuments.load(defaultTrustedDocumentsFile());
  const find = (name: string, variables: Record<string, unknown>, label: string): Operation => {
    const hash = hashes.get(name);
    const text = hash && trusted.find(hash);
    if (!hash || !text) throw new Error(`the web app has no operation ${name}`);
    return { name: label, text, hash, variables };
  };
  return [find('QuestionList', { filter: null, orderBy: 'NEWEST', first: 20 }, 'question-list'), find('QuestionDetail', { id: questionId }, 'question-page')];
}

interface Server {
  name: string;
  process: BenchProcess;
  /** The request body: the full api takes trusted documents by hash only. */
  body(operation: Operation): string;
}

const byText = (operation: Operation) => JSON.stringify({ query: operation.text, variables: operation.variables });
const byHash = (operation: Operation) =>
  JSON.stringify({ operationName: /query (\w+)/.exec(operation.text)?.[1], variables: operation.variables, extensions: { persistedQuery: { version: 1, sha256Hash: operation.hash } } });

async function post(server: Server, operation: Operation): Promise<{ data?: unknown; errors?: unknown }> {
  const response = await fetch(`${server.process.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: server.body(operation) });
  return (await response.json()) as { data?: unknown; errors?: unknown };
}

interface Row {
  server: string;
  operation: string;
  runs: (Measured & { cpuMsPerRequest: number })[];
  sqlPerRequest: number;
}

/** Each server counts the page's view once (its own Redis prefix), so the count moves between answers. */
const withoutViews = (data: unknown) => JSON.parse(JSON.stringify(data), (key, value: unknown) => (key === 'viewCount' ? undefined : value)) as unknown;

async function main(): Promise<void> {
  const databaseUrl = scaleDatabaseUrl();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const found = (await db.query<{ id: string }>(`SELECT id FROM questions WHERE answer_count = 10 AND hidden_at IS NULL AND deleted_at IS NULL ORDER BY id LIMIT 1`)).rows[0];
  await db.end();
  if (!found) throw new Error('no question with 10 answers: run `npm run seed:scale -- --size large` first');
  const ops = operations(found.id);
  console.log(`Load average before starting: ${uptime()}`);

  const servers: Server[] = [];
  try {
    for (const driver of DRIVERS) {
      const port = await freePort();
      const env = { ...productionApiEnv(port, databaseUrl, `pcdriver${process.pid}${driver}`), DRIVER_BENCH_SERVE: driver };
      const child = await startBenchProcess(driver, fileURLToPath(import.meta.url), env, port, async (url) => (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' })).ok, API_NODE_FLAGS);
      servers.push({ name: driver, process: child, body: byText });
    }
    const apiPort = await freePort();
    servers.push({ name: 'api', process: await startBenchApi('api', apiPort, productionApiEnv(apiPort, databaseUrl, `pcdriver${process.pid}api`)), body: byHash });

    // The same answer from every server, or the comparison means nothing.
    const rows: Row[] = [];
    for (const operation of ops) {
      const answers = await Promise.all(servers.map((server) => post(server, operation)));
      for (const [i, answer] of answers.entries()) {
        if (answer.errors || !answer.data) throw new Error(`${servers[i].name} ${operation.name}: ${JSON.stringify(answer.errors)}`);
        const difference = firstDifference(withoutViews(answers[0].data), withoutViews(answer.data));
        if (difference) throw new Error(`${servers[i].name} answers ${operation.name} differently from ${servers[0].name}: ${difference}`);
      }
      for (const server of servers) {
        const before = await server.process.statements();
        for (let i = 0; i < COUNTED_REQUESTS; i += 1) await post(server, operation);
        rows.push({ server: server.name, operation: operation.name, runs: [], sqlPerRequest: round(((await server.process.statements()) - before) / COUNTED_REQUESTS, 2) });
      }
    }

    for (let round_ = 1; round_ <= ROUNDS; round_ += 1) {
      for (const operation of ops) {
        // Odd rounds in order, even rounds reversed: no server is always the one after the warmest.
        for (const server of round_ % 2 ? servers : [...servers].reverse()) {
          const requests = [{ method: 'POST' as const, path: '/graphql', headers: { 'content-type': 'application/json' }, body: server.body(operation) }];
          const failed = (status: number, body: string) => status !== 200 || body.includes('"errors"');
          await measureLoad(server.process.url, requests, WARM_UP_SECONDS, failed);
          const cpuBefore = processCpuMs(server.process.child.pid);
          const measured = await measureLoad(server.process.url, requests, MEASURE_SECONDS, failed);
          const cpuMs = processCpuMs(server.process.child.pid) - cpuBefore;
          if (measured.errors) throw new Error(`${server.name} ${operation.name}: ${measured.errors} failed requests`);
          const row = rows.find((r) => r.server === server.name && r.operation === operation.name) as Row;
          row.runs.push({ ...measured, cpuMsPerRequest: round(cpuMs / (measured.rps * MEASURE_SECONDS), 2) });
          console.log(`round ${round_} ${operation.name} ${server.name}: ${measured.rps} req/s, p95 ${measured.p95Ms} ms, ${row.runs.at(-1)?.cpuMsPerRequest} ms CPU/request (load ${uptime()})`);
        }
      }
    }

    const mean = (values: number[]) => round(values.reduce((a, b) => a + b, 0) / values.length);
    console.log(`\n| operation | server | req/s | p50 ms | p95 ms | server CPU ms/request | SQL/request |\n| --- | --- | --- | --- | --- | --- | --- |`);
    for (const row of rows) {
      const runs = (key: keyof Row['runs'][number]) => row.runs.map((r) => r[key]).join(' / ');
      console.log(`| ${row.operation} | ${row.server} | ${runs('rps')} | ${runs('p50Ms')} | ${runs('p95Ms')} | ${runs('cpuMsPerRequest')} (mean ${mean(row.runs.map((r) => r.cpuMsPerRequest))}) | ${row.sqlPerRequest} |`);
    }
    console.log(`\nLoad average at the end: ${uptime()}; peak RSS: ${servers.map((s) => `${s.name} ${s.process.peakRssMb()} MB`).join(', ')}`);
  } finally {
    await Promise.all(servers.map((server) => server.process.stop()));
  }
}

const serving = process.env.DRIVER_BENCH_SERVE as Driver | undefined;
if (serving) {
  serve(serving).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

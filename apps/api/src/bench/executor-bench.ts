import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { execute, parse, type DocumentNode, type ExecutionResult } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import pg from 'pg';
import { RequestLoaders } from '../common/loaders.js';
import type { RequestContext } from '../common/request-context.js';
import { loadConfig } from '../config/app-config.js';
import { createHttpApp } from '../http-app.js';
import { scaleDatabaseUrl } from '../seed/scale-seed.js';

/**
 * `node dist/bench/executor-bench.js`: the GraphQL executor alone, side by side — graphql-js
 * (the interpreter) and graphql-jit (a compiled executor) — on the api's own schema and
 * resolvers in this process, against the scale data, for the question list and the question
 * page. No HTTP, no GraphQL server: what differs is only how the operation is executed, which is the
 * question issue #11 asks before changing the GraphQL layer.
 */
const here = dirname(fileURLToPath(import.meta.url));
const repoDir = resolve(here, '..', '..', '..', '..');
const CONCURRENCY = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

function operation(name: string): DocumentNode {
  const documents = JSON.parse(readFileSync(join(repoDir, 'apps', 'web', 'src', 'generated', 'persisted-documents.json'), 'utf8')) as Record<string, string>;
  const text = Object.values(documents).find((d) => new RegExp(`query ${name}\\b`).test(d));
  if (!text) throw new Error(`no operation ${name}`);
  return parse(text);
}

const context = (): RequestContext =>
  ({ req: { ip: '127.0.0.1', headers: {} }, res: {}, viewer: null, loaders: new RequestLoaders() }) as unknown as RequestContext;

async function drive(run: () => Promise<ExecutionResult>): Promise<{ perSecond: number; cpuMsPerOperation: number }> {
  const until = Date.now() + SECONDS * 1000;
  let done = 0;
  const cpu = process.cpuUsage();
  const started = Date.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() < until) {
        const result = await run();
        if (result.errors) throw new Error(JSON.stringify(result.errors));
        done += 1;
      }
    }),
  );
  const used = process.cpuUsage(cpu);
  return { perSecond: Math.round(done / ((Date.now() - started) / 1000)), cpuMsPerOperation: Math.round(((used.user + used.system) / 1000 / done) * 100) / 100 };
}

async function main(): Promise<void> {
  const databaseUrl = scaleDatabaseUrl();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const [{ id: questionId }] = (await db.query(`SELECT id FROM questions WHERE answer_count = 10 AND hidden_at IS NULL AND deleted_at IS NULL ORDER BY id LIMIT 1`)).rows as { id: string }[];
  await db.end();
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'production',
    APP_SECRET: 'executor-benchmark-secret-0123456789abcdef',
    PUBLIC_URL: 'http://127.0.0.1',
    SMTP_URL: 'smtp://127.0.0.1:2525',
    MAIL_FROM: 'Policy Commons <bench@example.org>',
    DATABASE_URL: databaseUrl,
    REDIS_PREFIX: `pcexec${process.pid}`,
  });
  const app = await createHttpApp(config, { logger: false });
  await app.init();
  const schema = app.get(GraphQLSchemaHost).schema;
  try {
    for (const [name, variables] of [
      ['QuestionList', { orderBy: 'NEWEST', first: 20 }],
      ['QuestionDetail', { id: questionId }],
    ] as const) {
      const document = operation(name);
      const compiled = compileQuery(schema, document, name);
      if (!isCompiledQuery(compiled)) throw new Error(`graphql-jit cannot compile ${name}: ${JSON.stringify(compiled.errors)}`);
      const viaJs = () => Promise.resolve(execute({ schema, document, variableValues: variables, contextValue: context() }));
      const viaJit = () => Promise.resolve(compiled.query(undefined, context(), variables));
      const [a, b] = [await viaJs(), await viaJit()];
      const same = isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
      await drive(viaJs);
      const js = await drive(viaJs);
      await drive(viaJit);
      const jit = await drive(viaJit);
      console.log(
        `${name}: graphql-js ${js.perSecond} op/s, ${js.cpuMsPerOperation} ms CPU/op | graphql-jit ${jit.perSecond} op/s, ${jit.cpuMsPerOperation} ms CPU/op | same result: ${same}`,
      );
    }
  } finally {
    await app.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

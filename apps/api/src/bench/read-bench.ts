import { createHash, randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import autocannon from 'autocannon';
import { Redis } from 'ioredis';
import pg from 'pg';
import { scaleDatabaseUrl } from '../seed/scale-seed.js';
import { freePort, startBenchProcess, type BenchProcess } from './bench-processes.js';
import { measureQuestionPages, pageBenchMarkdown, type PageBenchResult } from './page-bench.js';
import { measureWebBundle } from './web-bundle.js';

const here = dirname(fileURLToPath(import.meta.url));
const apiDir = resolve(here, '..', '..');
const repoDir = resolve(apiDir, '..', '..');

const CONNECTIONS = 16;
/** The heap cap `npm start` gives the api (scripts/start.mjs), so benchmarks measure it as it runs. */
export const API_NODE_FLAGS = ['--max-old-space-size=256'];
const WARM_UP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 3);
const MEASURE_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Sequential requests per scenario over which SQL statements are counted. */
const COUNTED_REQUESTS = 20;

/** A request as the web app sends it: the operation's hash (a trusted document), never its text. */
interface GraphQLRequest {
  operationName: string;
  variables: Record<string, unknown>;
  token?: string;
}

export interface Measured {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
}

export interface ScenarioResult {
  name: string;
  rps: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  sqlPerRequest: number;
  floorRps?: number;
  ratio?: number;
}

/** The hash the web app sends for each operation, from its codegen output. */
export function persistedHashes(): Map<string, string> {
  const file = join(repoDir, 'apps', 'web', 'src', 'generated', 'persisted-documents.json');
  const documents = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  const byName = new Map<string, string>();
  for (const [hash, text] of Object.entries(documents)) {
    const name = /(?:query|mutation)\s+(\w+)/.exec(text)?.[1];
    if (name) byName.set(name, hash.replace(/^sha256:/, ''));
  }
  return byName;
}

function requestBody(hashes: Map<string, string>, request: GraphQLRequest): string {
  const hash = hashes.get(request.operationName);
  if (!hash) throw new Error(`the web app has no operation ${request.operationName}`);
  return JSON.stringify({ operationName: request.operationName, variables: request.variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
}

function headersOf(request: GraphQLRequest): Record<string, string> {
  return { 'content-type': 'application/json', ...(request.token ? { authorization: `Bearer ${request.token}` } : {}) };
}

async function send(url: string, hashes: Map<string, string>, request: GraphQLRequest): Promise<{ data?: Record<string, unknown>; errors?: unknown[] }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: headersOf(request), body: requestBody(hashes, request) });
  return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
}

export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Drives `url` with 16 connections cycling through `requests`; latencies are recorded per response. */
async function drive(url: string, hashes: Map<string, string>, requests: GraphQLRequest[] | (() => GraphQLRequest), seconds: number): Promise<Measured> {
  const list = typeof requests === 'function' ? null : requests;
  return measureLoad(
    url,
    list
      ? list.map((request) => ({ method: 'POST' as const, path: '/graphql', headers: headersOf(request), body: requestBody(hashes, request) }))
      : [
          {
            method: 'POST' as const,
            path: '/graphql',
            setupRequest: (req) => {
              const request = (requests as () => GraphQLRequest)();
              return { ...req, headers: headersOf(request), body: requestBody(hashes, request) };
            },
          },
        ],
    seconds,
    (status, body) => status !== 200 || body.includes('"errors"'),
  );
}

/**
 * The one load generator of the benchmark: autocannon with CONNECTIONS connections for
 * `seconds`, latency percentiles over every response. `failed` judges each answer, so a
 * fast refusal is counted as an error rather than as throughput.
 */
export async function measureLoad(url: string, requests: autocannon.Request[], seconds: number, failed: (status: number, body: string) => boolean): Promise<Measured> {
  const latencies: number[] = [];
  let errors = 0;
  const onResponse = (status: number, body: string) => {
    if (failed(status, body)) errors += 1;
  };
  const options: autocannon.Options = {
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: requests.map((request) => ({ ...request, onResponse })),
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error as Error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    rps: round(latencies.length / seconds, 0),
    p50Ms: round(percentile(latencies, 50)),
    p95Ms: round(percentile(latencies, 95)),
    p99Ms: round(percentile(latencies, 99)),
    errors: errors + result.errors + result.timeouts,
  };
}

/** Statements per request, counted by the server's driver over requests sent one at a time. */
async function statementsPerRequest(server: BenchProcess, hashes: Map<string, string>, next: () => GraphQLRequest): Promise<number> {
  const before = await server.statements();
  for (let i = 0; i < COUNTED_REQUESTS; i += 1) {
    const result = await send(server.url, hashes, next());
    if (result.errors) throw new Error(`${server.name}: ${JSON.stringify(result.errors)}`);
  }
  return round(((await server.statements()) - before) / COUNTED_REQUESTS, 2);
}

/** Keys sorted, so the api's JSON and the floor's compare by content. */
function normalised(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalised);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((key) => [key, normalised((value as Record<string, unknown>)[key])]));
  return value;
}

/** The first place two answers differ, for the report. */
export function firstDifference(a: unknown, b: unknown, path = 'data'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: api ${JSON.stringify(a)?.slice(0, 120)} / floor ${JSON.stringify(b)?.slice(0, 120)}`;
}

interface Targets {
  questionId: string;
  tag: string;
  communitySlug: string;
  communityId: string;
  searchQuery: string;
  citation: string;
  tokens: string[];
  userIds: string[];
}

/** What the scenarios read and who asks, chosen from the scale data by rule so every run picks the same. */
async function chooseTargets(db: pg.Client): Promise<Targets> {
  const one = async <T>(sql: string): Promise<T> => {
    const row = (await db.query(sql)).rows[0] as T | undefined;
    if (!row) throw new Error(`the scale data has nothing for: ${sql.replace(/\s+/g, ' ').slice(0, 120)}`);
    return row;
  };
  const { id: questionId } = await one<{ id: string }>(`
    SELECT q.id FROM questions q
     WHERE q.answer_count = 10 AND q.hidden_at IS NULL AND q.deleted_at IS NULL AND q.closed_at IS NULL
       AND EXISTS (SELECT 1 FROM comments c WHERE c.question_id = q.id)
       AND EXISTS (SELECT 1 FROM citations c WHERE c.question_id = q.id)
       AND (SELECT count(*) FROM post_revisions r WHERE r.question_id = q.id) >= 2
       AND (SELECT count(*) FROM answers a JOIN citations c ON c.answer_id = a.id WHERE a.question_id = q.id) >= 3
       AND (SELECT count(*) FROM answers a JOIN comments c ON c.answer_id = a.id WHERE a.question_id = q.id) >= 5
     ORDER BY q.id LIMIT 1`);
  const { slug: tag } = await one<{ slug: string }>(`SELECT t.slug FROM tags t JOIN question_tags qt ON qt.tag_id = t.id GROUP BY t.id ORDER BY count(*) DESC, t.slug LIMIT 1`);
  const community = await one<{ slug: string; id: string }>(`SELECT c.slug, c.id FROM communities c JOIN questions q ON q.community_id = c.id GROUP BY c.id ORDER BY count(*) DESC, c.slug LIMIT 1`);
  const { reference: citation } = await one<{ reference: string }>(`
    SELECT 'policy:' || d.slug || '@' || v.version || '#' || s.anchor AS reference
      FROM policy_sections s JOIN policy_versions v ON v.id = s.version_id JOIN policy_documents d ON d.id = v.document_id
     ORDER BY d.slug, v.major DESC, v.minor DESC, s.position LIMIT 1`);
  // Members who may post (not suspended, not erased): one session each, so no account's limits are what is measured.
  const users = (await db.query<{ id: string }>(`SELECT id FROM users WHERE role = 'MEMBER' AND suspended_until IS NULL AND erased_at IS NULL ORDER BY email LIMIT 64`)).rows;
  const tokens: string[] = [];
  for (const user of users) {
    const token = randomBytes(32).toString('base64url');
    await db.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [user.id, createHash('sha256').update(token).digest('hex')]);
    tokens.push(token);
  }
  return {
    questionId,
    tag,
    communitySlug: community.slug,
    communityId: community.id,
    // Two words of the field that occur together in about a thousand posts: a typical search, neither empty nor everything.
    searchQuery: process.env.BENCH_SEARCH ?? 'purdah journalist',
    citation,
    tokens,
    userIds: users.map((u) => u.id),
  };
}

/** The cursor of page `page` of a list, walked page by page as a reader clicking "Load more" would. */
async function walkToPage(url: string, hashes: Map<string, string>, variables: Record<string, unknown>, page: number): Promise<string> {
  let after: string | null = null;
  for (let i = 1; i < page; i += 1) {
    const result = await send(url, hashes, { operationName: 'QuestionList', variables: { ...variables, after } });
    const questions = (result.data?.questions ?? null) as { pageInfo: { endCursor: string | null; hasNextPage: boolean } } | null;
    if (!questions?.pageInfo.hasNextPage || !questions.pageInfo.endCursor) throw new Error(`the list ${JSON.stringify(variables)} has fewer than ${page} pages`);
    after = questions.pageInfo.endCursor;
  }
  return after as string;
}

/** The api's environment in the benchmark: production, as deployed, against `databaseUrl`. */
export function productionApiEnv(port: number, databaseUrl: string, redisPrefix: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // What production requires (app-config.ts); the values only need to be valid.
    NODE_ENV: 'production',
    APP_SECRET: process.env.APP_SECRET ?? 'read-benchmark-secret-0123456789abcdef',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    SMTP_URL: process.env.SMTP_URL ?? 'smtp://127.0.0.1:2525',
    MAIL_FROM: process.env.MAIL_FROM ?? 'Policy Commons <bench@example.org>',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    REDIS_PREFIX: redisPrefix,
    // The benchmark asks, searches and opens pages far faster than any person: it measures the work, not the limits.
    RATE_LIMITS: 'ask=1000000/1s,search=1000000/1s,render=1000000/1s',
  };
}

/** The built api (dist/main.js) with the heap cap `npm start` gives it, once /health answers. */
export function startBenchApi(name: string, port: number, env: NodeJS.ProcessEnv): Promise<BenchProcess> {
  return startBenchProcess(name, join(apiDir, 'dist', 'main.js'), env, port, async (url) => (await fetch(`${url}/health`)).ok, API_NODE_FLAGS);
}

export function uptime(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(', ');
}

export interface ReadBenchReport {
  date: string;
  cores: number;
  scenarios: ScenarioResult[];
  apiPeakRssMb: number;
  webFirstLoadKbGzip: number | null;
  /** The question list with 1 and 2 api processes (API_PROCESSES, docs/SCALING.md step 1). */
  questionListByApiProcesses: ProcessesResult[];
  /** GET /q/<id> as HTML, server-rendered (page-bench.ts); null when it could not be measured. */
  questionPageHtml: PageBenchResult | null;
}

/**
 * `npm run bench`: the api built for production against the large scale database, side by
 * side with the floor (floor-server.ts), for the read scenarios of issue #11 and asking.
 */
export async function runReadBench(): Promise<ReadBenchReport> {
  const databaseUrl = scaleDatabaseUrl();
  const db = new pg.Client({ connectionString: databaseUrl });
  try {
    await db.connect();
    await db.query('SELECT 1 FROM questions LIMIT 1');
  } catch (error) {
    throw new Error(`No scale data at ${new URL(databaseUrl).pathname.slice(1)} (${(error as Error).message}): run \`npm run seed:scale -- --size large\` first.`, { cause: error });
  }
  const hashes = persistedHashes();
  const redisPrefix = `pcbench${process.pid}`;
  const notes: string[] = [];
  const log = (line: string) => {
    console.log(line);
    notes.push(line);
  };
  log(`Load average before starting: ${uptime()} (${cpus().length} cores)`);

  const startApi = async (name: string, extraEnv: NodeJS.ProcessEnv = {}) => {
    const port = await freePort();
    return startBenchApi(name, port, { ...productionApiEnv(port, databaseUrl, redisPrefix), ...extraEnv });
  };
  const api = await startApi('api');
  const floorPort = await freePort();
  const floor = await startBenchProcess('floor', join(here, 'floor-server.js'), { ...process.env, DATABASE_URL: databaseUrl, PORT: String(floorPort) }, floorPort, async (url) => {
    const response = await fetch(`${url}/`, { method: 'POST', body: '{}' });
    return response.status === 500;
  });

  const scenarios: ScenarioResult[] = [];
  const targets = await chooseTargets(db);
  let apiPeakRssMb: number;
  let questionListByApiProcesses: ProcessesResult[];
  let questionPageHtml: PageBenchResult | null;
  try {
    log(`Targets: question ${targets.questionId}; tag "${targets.tag}"; community "${targets.communitySlug}"; search "${targets.searchQuery}"; citation ${targets.citation}`);
    const list = { filter: null, orderBy: 'NEWEST', first: 20 };
    const tagList = { filter: { tag: targets.tag }, orderBy: 'NEWEST', first: 20 };
    const communityList = { filter: { communitySlug: targets.communitySlug }, orderBy: 'NEWEST', first: 20 };
    const [tagCursor, communityCursor] = [await walkToPage(api.url, hashes, tagList, 50), await walkToPage(api.url, hashes, communityList, 50)];
    log(`api RSS after start and walking the lists: ${api.peakRssMb()} MB`);

    const reads: { name: string; requests: GraphQLRequest[] }[] = [
      { name: 'question-list', requests: [{ operationName: 'QuestionList', variables: list }] },
      { name: 'question-page', requests: [{ operationName: 'QuestionDetail', variables: { id: targets.questionId } }] },
      { name: 'search', requests: [{ operationName: 'Search', variables: { query: targets.searchQuery, first: 20 } }] },
      {
        name: 'deep-list',
        requests: [
          { operationName: 'QuestionList', variables: { ...tagList, after: tagCursor } },
          { operationName: 'QuestionList', variables: { ...communityList, after: communityCursor } },
        ],
      },
    ];

    scenarios: for (const scenario of reads) {
      // Same answer from both, or the comparison would not be fair.
      for (const request of scenario.requests) {
        const [fromApi, fromFloor] = [await send(api.url, hashes, request), await send(floor.url, hashes, request)];
        if (fromApi.errors) {
          // Measuring refusals would say nothing about reading: the run goes on without this scenario, and says why.
          log(`${scenario.name}: NOT MEASURED, the api refuses the web app's operation: ${JSON.stringify(fromApi.errors).slice(0, 300)}`);
          continue scenarios;
        }
        const difference = firstDifference(normalised(fromApi.data), normalised(fromFloor.data));
        log(difference ? `  ${scenario.name}: the floor's JSON differs at ${difference}` : `  ${scenario.name}: the api and the floor answer the same JSON`);
        if (scenario.name === 'search') {
          const found = fromApi.data?.searchResults as { totalCount?: number; totalCountIsLowerBound?: boolean } | undefined;
          log(`  search "${targets.searchQuery}": ${found?.totalCountIsLowerBound ? 'at least ' : ''}${String(found?.totalCount)} results`);
        }
      }
      let turn = 0;
      const next = () => scenario.requests[turn++ % scenario.requests.length] as GraphQLRequest;
      const sqlPerRequest = await statementsPerRequest(api, hashes, next);
      const floorSql = await statementsPerRequest(floor, hashes, next);
      await drive(api.url, hashes, scenario.requests, WARM_UP_SECONDS);
      const measured = await drive(api.url, hashes, scenario.requests, MEASURE_SECONDS);
      await drive(floor.url, hashes, scenario.requests, WARM_UP_SECONDS);
      const floorMeasured = await drive(floor.url, hashes, scenario.requests, MEASURE_SECONDS);
      const result: ScenarioResult = {
        name: scenario.name,
        rps: measured.rps,
        p50Ms: measured.p50Ms,
        p95Ms: measured.p95Ms,
        p99Ms: measured.p99Ms,
        sqlPerRequest,
        floorRps: floorMeasured.rps,
        ratio: round(measured.rps / Math.max(1, floorMeasured.rps), 2),
      };
      scenarios.push(result);
      log(
        `${scenario.name}: api ${result.rps} req/s, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms, ${sqlPerRequest} SQL/req` +
          ` | floor ${floorMeasured.rps} req/s, p95 ${floorMeasured.p95Ms} ms, ${floorSql} SQL/req | ratio ${result.ratio}` +
          `${measured.errors + floorMeasured.errors ? ` | errors: api ${measured.errors}, floor ${floorMeasured.errors}` : ''} | api peak RSS so far ${api.peakRssMb()} MB | load ${uptime()}`,
      );
    }

    // Before asking: its mutations would clear the page cache mid-measurement.
    questionPageHtml = await measureQuestionPages(api.url, db, targets.questionId, { warmUp: WARM_UP_SECONDS, measure: MEASURE_SECONDS }, log).catch((error: Error) => {
      log(`question page HTML: NOT MEASURED, ${error.message}`);
      return null;
    });
    log(`api peak RSS after the HTML pages: ${api.peakRssMb()} MB`);

    // Statements must not grow with the page: the same count at 10 and at 50 questions.
    const at10 = await statementsPerRequest(api, hashes, () => ({ operationName: 'QuestionList', variables: { ...list, first: 10 } }));
    const at50 = await statementsPerRequest(api, hashes, () => ({ operationName: 'QuestionList', variables: { ...list, first: 50 } }));
    log(`question-list SQL/req at page size 10: ${at10}, at 50: ${at50}`);

    // Asking: signed in, a citation in the body, one account per request in turn.
    let asked = 0;
    const ask = (): GraphQLRequest => {
      asked += 1;
      return {
        operationName: 'AskQuestion',
        token: targets.tokens[asked % targets.tokens.length] as string,
        variables: {
          input: {
            communityId: targets.communityId,
            title: `How should our policy handle benchmark case number ${asked}?`,
            body: `We are reviewing how this applies to officers who are also parish councillors.\n\nSee ${targets.citation} for the section we rely on.`,
            tags: ['benchmark', targets.tag],
          },
        },
      };
    };
    const askSql = await statementsPerRequest(api, hashes, ask);
    await drive(api.url, hashes, ask, WARM_UP_SECONDS);
    const asking = await drive(api.url, hashes, ask, MEASURE_SECONDS);
    scenarios.push({ name: 'ask', rps: asking.rps, p50Ms: asking.p50Ms, p95Ms: asking.p95Ms, p99Ms: asking.p99Ms, sqlPerRequest: askSql });
    log(`ask: api ${asking.rps} req/s, p50 ${asking.p50Ms} ms, p95 ${asking.p95Ms} ms, p99 ${asking.p99Ms} ms, ${askSql} SQL/req${asking.errors ? ` | errors ${asking.errors}` : ''} | api peak RSS so far ${api.peakRssMb()} MB | load ${uptime()}`);

    questionListByApiProcesses = await questionListWithTwoProcesses(scenarios, startApi, (url) => drive(url, hashes, [{ operationName: 'QuestionList', variables: list }], WARM_UP_SECONDS), (url) =>
      drive(url, hashes, [{ operationName: 'QuestionList', variables: list }], MEASURE_SECONDS),
    );
    log(`question-list by api processes: ${questionListByApiProcesses.map((r) => `${r.processes}: ${r.rps} req/s, p95 ${r.p95Ms} ms`).join(' | ')} | load ${uptime()}`);
  } finally {
    apiPeakRssMb = api.peakRssMb();
    await api.stop();
    await floor.stop();
    await db.query(`DELETE FROM sessions WHERE user_id = ANY($1::uuid[])`, [targets.userIds]).catch(() => undefined);
    await db.end();
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: true });
    await redis.connect().catch(() => undefined);
    const keys = await redis.keys(`${redisPrefix}:*`).catch(() => [] as string[]);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }

  const web = measureWebBundle(join(repoDir, 'apps', 'web', 'dist'));
  log(`api peak RSS: ${apiPeakRssMb} MB`);
  log(web ? `web JavaScript, gzipped: first page ${web.firstLoadKbGzip} KB, question page adds ${web.questionPageKbGzip} KB` : 'web: no production build at apps/web/dist');
  const report: ReadBenchReport = { date: new Date().toISOString(), cores: cpus().length, scenarios, apiPeakRssMb, webFirstLoadKbGzip: web?.firstLoadKbGzip ?? null, questionListByApiProcesses, questionPageHtml };
  writeResults(report, web?.questionPageKbGzip ?? null, notes);
  return report;
}

function writeResults(report: ReadBenchReport, questionPageKbGzip: number | null, notes: string[]): void {
  const resultsDir = join(repoDir, 'bench', 'results');
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  const file = join(repoDir, 'docs', 'BENCHMARKS.md');
  if (!existsSync(file)) {
    writeFileSync(
      file,
      `# Benchmarks\n\n\`npm run bench\` (after \`npm run seed:scale -- --size large\`) appends a dated table here and writes \`bench/results/latest.json\`.\n` +
        `Each run: the api built for production against the large scale data, 16 connections, a ${WARM_UP_SECONDS} s warm-up then ${MEASURE_SECONDS} s measured, ` +
        `side by side with the floor (a bare node:http + pg server answering the same JSON with one hand-written statement per request, same pool size). ` +
        `SQL statements are counted by the servers' PostgreSQL driver over ${COUNTED_REQUESTS} requests sent one at a time. ` +
        `The machine is shared, so each table notes the load average while it ran.\n`,
    );
  }
  const rows = report.scenarios.map(
    (s) => `| ${s.name} | ${s.rps} | ${s.p50Ms} | ${s.p95Ms} | ${s.p99Ms} | ${s.sqlPerRequest} | ${s.floorRps ?? '—'} | ${s.ratio ?? '—'} |`,
  );
  appendFileSync(
    file,
    `\n## ${report.date.slice(0, 16).replace('T', ' ')} UTC (${report.cores} cores)\n\n` +
      `| scenario | req/s | p50 ms | p95 ms | p99 ms | SQL/req | floor req/s | api/floor |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n${rows.join('\n')}\n\n` +
      `api peak RSS ${report.apiPeakRssMb} MB; web JavaScript gzipped: first page ${report.webFirstLoadKbGzip ?? '—'} KB, question page +${questionPageKbGzip ?? '—'} KB.\n\n` +
      `question-list by api processes (API_PROCESSES): ${report.questionListByApiProcesses.map((r) => `${r.processes}: ${r.rps} req/s, p95 ${r.p95Ms} ms`).join('; ') || '—'}.\n\n` +
      `${pageBenchMarkdown(report.questionPageHtml)}\n` +
      `<details><summary>run log</summary>\n\n${notes.map((n) => `    ${n}`).join('\n')}\n\n</details>\n`,
  );
}

export interface ProcessesResult {
  processes: number;
  rps: number;
  p95Ms: number;
}

/**
 * What a second api process buys on this machine (docs/SCALING.md, step 1): the question
 * list as measured above with one process, then again against a second api started with
 * API_PROCESSES=2 (the first one idle meanwhile), with the same connections and duration.
 */
async function questionListWithTwoProcesses(
  scenarios: ScenarioResult[],
  startApi: (name: string, env: NodeJS.ProcessEnv) => Promise<BenchProcess>,
  warmUp: (url: string) => Promise<Measured>,
  measure: (url: string) => Promise<Measured>,
): Promise<ProcessesResult[]> {
  const single = scenarios.find((s) => s.name === 'question-list');
  const results: ProcessesResult[] = single ? [{ processes: 1, rps: single.rps, p95Ms: single.p95Ms }] : [];
  const clustered = await startApi('api ×2', { API_PROCESSES: '2' });
  try {
    await warmUp(clustered.url);
    const measured = await measure(clustered.url);
    results.push({ processes: 2, rps: measured.rps, p95Ms: measured.p95Ms });
  } finally {
    await clustered.stop();
  }
  return results;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runReadBench().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

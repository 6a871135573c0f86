import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { MailSink } from '../src/modules/digests/mail-sink.js';
import { SWEEP_EVERY_MS } from '../src/modules/outbox/outbox.processor.js';
import { SIGN_IN_FREE_ATTEMPTS } from '../src/modules/accounts/sign-in-backoff.js';
import { QueueName } from '../src/queues/queue-names.js';
import { apiDir, freePort, spawnApi, stopApi, waitForHealth, type ApiProcess } from './api-process.js';
import { startMailSink, waitForExit, waitForReady, waitUntil } from './digest-helpers.js';
import { createDatabaseFromTemplate, dropDatabase } from './test-databases.js';

const SUBSCRIBERS = 40;
const HOUR = 3600_000;
const PASSWORD = 'correct horse battery';

interface GraphQLResult<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql<T>(api: ApiProcess, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResult<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as GraphQLResult<T>;
}

const codeOf = (result: GraphQLResult<unknown>) => result.errors?.[0]?.extensions?.code;

/** The ids of a queue's jobs that completed, in order, from BullMQ's event stream (kept even for jobs removed on completion). */
async function completedJobIds(redis: Redis, prefix: string, queue: string): Promise<string[]> {
  const entries = await redis.xrange(`${prefix}:bull:${queue}:events`, '-', '+');
  return entries.flatMap(([, fields]) => {
    const event = Object.fromEntries(fields.flatMap((_, i) => (i % 2 ? [] : [[fields[i], fields[i + 1]]])));
    return event.event === 'completed' ? [event.jobId as string] : [];
  });
}

/** The instants a job scheduler's runs were due, one per completed run (job ids are `repeat:<scheduler>:<instant>`). */
async function schedulerRuns(redis: Redis, prefix: string, queue: string, scheduler: string): Promise<number[]> {
  const marker = `repeat:${scheduler}:`;
  return (await completedJobIds(redis, prefix, queue)).filter((id) => id.startsWith(marker)).map((id) => Number(id.slice(marker.length)));
}

/**
 * The api as production runs it when it outgrows one process: several api processes and
 * several workers, from the build, on one PostgreSQL database and one Redis. Nothing a
 * request or a job needs may live in one process's memory.
 */
describe('two api processes and two workers on one PostgreSQL and one Redis', () => {
  const name = `pc_test_multi_${process.pid}_${randomBytes(3).toString('hex')}`;
  const prefix = `pctest:${name}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let db: pg.Client;
  let redis: Redis;
  let sink: MailSink;
  let questionId: string;
  let period: string;
  const apis: ApiProcess[] = [];
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    const databaseUrl = await createDatabaseFromTemplate(name);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    redis = new Redis(redisUrl);
    sink = await startMailSink();

    // Before any worker starts: a period that is due (today's, from 00:00 UTC) for subscribers
    // of a community with a question asked inside it, and one session that has expired.
    const today = new Date(new Date().toISOString().slice(0, 10));
    period = `daily:${today.toISOString().slice(0, 10)}`;
    const [{ id: authorId }] = (await db.query(`INSERT INTO users (email, display_name, password_hash) VALUES ('author@example.org', 'Author', 'x') RETURNING id`)).rows as { id: string }[];
    const [{ id: communityId }] = (await db.query(`INSERT INTO communities (slug, title, description, created_by) VALUES ('councils', 'Councils', 'Council officers', $1) RETURNING id`, [authorId]))
      .rows as { id: string }[];
    [{ id: questionId }] = (
      await db.query(
        `INSERT INTO questions (community_id, author_id, title, body, created_at, last_activity_at) VALUES ($1, $2, 'Officers who are parish councillors', 'May they blog?', $3, $3) RETURNING id`,
        [communityId, authorId, new Date(today.getTime() - 12 * HOUR)],
      )
    ).rows as { id: string }[];
    const { rows: subscribers } = await db.query<{ id: string }>(
      `INSERT INTO users (email, display_name, password_hash) SELECT 'subscriber' || g || '@example.org', 'Subscriber ' || g, 'x' FROM generate_series(1, $1) g RETURNING id`,
      [SUBSCRIBERS],
    );
    const ids = subscribers.map((s) => s.id);
    await db.query(
      `INSERT INTO notification_settings (user_id, digest_frequency, digest_hour, time_zone, email_confirmed_at, created_at, digest_watermark)
       SELECT unnest($1::uuid[]), 'DAILY', 0, 'UTC', $2, $2, $3`,
      [ids, new Date(today.getTime() - 72 * HOUR), new Date(today.getTime() - 48 * HOUR)],
    );
    await db.query(`INSERT INTO follows (user_id, kind, target_id) SELECT unnest($1::uuid[]), 'COMMUNITY', $2`, [ids, communityId]);
    await db.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, 'ended', now() - interval '1 day'), ($1, 'current', now() + interval '1 day')`, [authorId]);

    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
      RUN_MIGRATIONS: 'false',
      WEB_DIST_DIR: '/nonexistent',
      SIGN_UPS_PER_ADDRESS_PER_HOUR: '1000',
    };
    const workerOutput: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const worker = spawn(process.execPath, ['dist/worker.js'], { cwd: apiDir, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
      workerOutput[i] = '';
      worker.stdout?.on('data', (chunk: Buffer) => (workerOutput[i] += chunk.toString()));
      worker.stderr?.on('data', (chunk: Buffer) => (workerOutput[i] += chunk.toString()));
      workers.push(worker);
    }
    apis.push(spawnApi(env, await freePort()), spawnApi(env, await freePort()));
    try {
      await Promise.all([...workers.map((w) => waitForReady(w, 60_000)), ...apis.map((api) => waitForHealth(api, 60_000))]);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nworkers:\n${workerOutput.join('\n---\n')}\napis:\n${apis.map((api) => api.output()).join('\n---\n')}`, { cause: error });
    }
  }, 90_000);

  afterAll(async () => {
    for (const worker of workers) worker.kill('SIGTERM');
    await Promise.all([...workers.map(waitForExit), ...apis.map(stopApi)]);
    await sink?.stop();
    await db?.end();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    await dropDatabase(name);
  });

  const [first, second] = [0, 1];

  it('accepts a session started through one api on the other, and ends it on both', async () => {
    const email = `member-${randomBytes(3).toString('hex')}@example.org`;
    const signedUp = await gql<{ signUp: { token: string; user: { id: string } } }>(apis[first], 'mutation($input: SignUpInput!) { signUp(input: $input) { token user { id } } }', {
      input: { email, displayName: 'Member', password: PASSWORD },
    });
    const { token, user } = signedUp.data!.signUp;
    const me = await gql<{ me: { user: { id: string } } }>(apis[second], '{ me { user { id } } }', {}, token);
    expect(me.errors).toBeUndefined();
    expect(me.data?.me.user.id).toBe(user.id);

    const signedIn = await gql<{ signIn: { token: string } }>(apis[second], 'mutation($input: SignInInput!) { signIn(input: $input) { token } }', { input: { email, password: PASSWORD } });
    const other = signedIn.data!.signIn.token;
    expect((await gql<{ me: { user: { id: string } } }>(apis[first], '{ me { user { id } } }', {}, other)).data?.me.user.id).toBe(user.id);

    // Signing out everywhere through one api ends both sessions on the other at once: no process keeps a copy.
    expect((await gql(apis[second], 'mutation { signOutEverywhere }', {}, other)).errors).toBeUndefined();
    expect((await gql<{ me: unknown }>(apis[first], '{ me { user { id } } }', {}, token)).data?.me).toBeNull();
    expect((await gql<{ me: unknown }>(apis[first], '{ me { user { id } } }', {}, other)).data?.me).toBeNull();
  });

  it('counts wrong passwords for one account through both apis together', async () => {
    const email = `guessed-${randomBytes(3).toString('hex')}@example.org`;
    await gql(apis[first], 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }', { input: { email, displayName: 'Guessed', password: PASSWORD } });
    const signIn = (api: ApiProcess, password: string) => gql(api, 'mutation($input: SignInInput!) { signIn(input: $input) { token } }', { input: { email, password } });
    // Alternating: each api on its own would have seen only half of the attempts.
    for (let i = 0; i < SIGN_IN_FREE_ATTEMPTS; i += 1) expect(codeOf(await signIn(apis[i % 2], `wrong ${i}`))).toBe('UNAUTHENTICATED');
    expect(codeOf(await signIn(apis[first], 'wrong again'))).toBe('RATE_LIMITED');
    expect(codeOf(await signIn(apis[second], PASSWORD))).toBe('RATE_LIMITED');
  });

  it('counts a view once, whichever api serves the reader', async () => {
    const viewCount = async () => ((await db.query('SELECT view_count FROM questions WHERE id = $1', [questionId])).rows as { view_count: number }[])[0].view_count;
    const before = await viewCount();
    const read = (api: ApiProcess, token?: string) => gql<{ question: { viewCount: number } }>(api, 'query($id: ID!) { question(id: $id) { viewCount } }', { id: questionId }, token);
    const reader = (await gql<{ signUp: { token: string } }>(apis[first], 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }', {
      input: { email: `reader-${randomBytes(3).toString('hex')}@example.org`, displayName: 'Reader', password: PASSWORD },
    })).data!.signUp.token;

    expect((await read(apis[first], reader)).data?.question.viewCount).toBe(before + 1);
    expect((await read(apis[second], reader)).data?.question.viewCount).toBe(before + 1);
    // A visitor without an account is known by address and browser, the same to both apis.
    expect((await read(apis[second])).data?.question.viewCount).toBe(before + 2);
    expect((await read(apis[first])).data?.question.viewCount).toBe(before + 2);
    expect(await viewCount()).toBe(before + 2);
  });

  it('runs each scheduled job once per tick, not once per worker', async () => {
    // Digest planning (every 15 minutes) and the session purge (hourly) are due at once when the schedule is first made.
    await waitUntil(async () => (await schedulerRuns(redis, prefix, 'digests', 'plan-digests')).length > 0, 30_000, 'the first digest planning');
    await waitUntil(async () => (await schedulerRuns(redis, prefix, 'maintenance', 'purge-expired-sessions')).length > 0, 30_000, 'the first session purge');
    // The outbox sweep comes round every 10 s: wait for a second tick to see two in a row.
    await waitUntil(async () => (await schedulerRuns(redis, prefix, 'outbox', 'sweep-outbox')).length >= 2, 40_000, 'two outbox sweeps');

    expect(await schedulerRuns(redis, prefix, 'digests', 'plan-digests')).toHaveLength(1);
    expect(await schedulerRuns(redis, prefix, 'maintenance', 'purge-expired-sessions')).toHaveLength(1);
    expect((await db.query(`SELECT token_hash FROM sessions WHERE token_hash IN ('ended', 'current')`)).rows).toEqual([{ token_hash: 'current' }]);
    const sweeps = (await schedulerRuns(redis, prefix, 'outbox', 'sweep-outbox')).sort((a, b) => a - b);
    expect(new Set(sweeps).size).toBe(sweeps.length);
    for (let i = 1; i < sweeps.length; i += 1) expect(sweeps[i] - sweeps[i - 1]).toBeGreaterThanOrEqual(SWEEP_EVERY_MS);
  });

  it('delivers the due digest period to each subscriber exactly once', async () => {
    await waitUntil(
      async () => ((await db.query(`SELECT count(*)::int AS n FROM digest_deliveries WHERE status = 'SENT'`)).rows as { n: number }[])[0].n === SUBSCRIBERS,
      30_000,
      'every digest sent',
    );
    // No digest job left waiting, running or due for a retry that could still send a second copy.
    const queue = new Queue(QueueName.DIGESTS, { connection: { url: redisUrl }, prefix: `${prefix}:bull` });
    try {
      await waitUntil(async () => !(await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized'])).some((job) => job.name === 'send-digest'), 20_000, 'no digest job outstanding');
    } finally {
      await queue.close();
    }
    const deliveries = (await db.query(`SELECT u.email, d.period, d.status FROM digest_deliveries d JOIN users u ON u.id = d.user_id ORDER BY u.email`)).rows as { email: string; period: string; status: string }[];
    expect(deliveries).toHaveLength(SUBSCRIBERS);
    expect(new Set(deliveries.map((d) => d.period))).toEqual(new Set([period]));
    const received = sink.messages.flatMap((mail) => mail.envelopeTo).sort();
    expect(received).toEqual(deliveries.map((d) => d.email).sort());
  });
});

/** The children of a process, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((entry) => {
      try {
        return Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('API_PROCESSES', () => {
  const name = `pc_test_cluster_${process.pid}_${randomBytes(3).toString('hex')}`;
  let api: ApiProcess | undefined;

  afterAll(async () => {
    if (api) await stopApi(api);
    await dropDatabase(name);
  });

  it('runs that many api processes on one port, replaces one that dies, and stops them all on SIGTERM', async () => {
    const databaseUrl = await createDatabaseFromTemplate(name);
    api = spawnApi(
      { NODE_ENV: 'test', DATABASE_URL: databaseUrl, REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIX: `pctest:${name}`, RUN_MIGRATIONS: 'false', WEB_DIST_DIR: '/nonexistent', API_PROCESSES: '2' },
      await freePort(),
    );
    await waitUntil(async () => api!.output().includes('api: 2 processes serving'), 60_000, 'two api processes');
    const started = childrenOf(api.child.pid!);
    expect(started).toHaveLength(2);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);

    process.kill(started[0], 'SIGKILL');
    await waitUntil(async () => api!.output().includes(`process ${started[0]} stopped (SIGKILL); starting another`), 10_000, 'the supervisor noticing');
    await waitUntil(async () => childrenOf(api!.child.pid!).length === 2 && (api!.output().match(/api: 2 processes serving/g) ?? []).length === 2, 60_000, 'a replacement');
    expect(childrenOf(api.child.pid!)).not.toContain(started[0]);
    expect((await fetch(`${api.url}/health`)).status).toBe(200);

    const running = childrenOf(api.child.pid!);
    const exited = new Promise<number | null>((resolve) => api!.child.once('exit', (code) => resolve(code)));
    api.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(running.filter((pid) => existsProcess(pid))).toEqual([]);
  });
});

function existsProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

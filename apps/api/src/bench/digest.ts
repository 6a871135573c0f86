import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig, type AppConfig } from '../config/app-config.js';
import { CoreModule } from '../core.module.js';
import { maintenanceUrl, quoteIdentifier } from '../database/database-admin.js';
import { runMigrations } from '../database/migrate.js';
import { DigestPlanner } from '../modules/digests/digest-planner.service.js';
import { DigestsModule } from '../modules/digests/digests.module.js';
import { MailSink } from '../modules/digests/mail-sink.js';
import { WORKER_OPTIONS, QueueName } from '../queues/queue-names.js';
import { cpuBetween, snapshotCpu, type CpuUsage } from './cpu-usage.js';

const here = dirname(fileURLToPath(import.meta.url));
const workerEntry = resolve(here, '..', 'worker.js');

export interface DigestBenchOptions {
  subscribers: number;
  workers: number;
}

export interface DigestBenchResult {
  subscribers: number;
  workers: number;
  digestsPerSecond: number;
  /** The baseline the target is judged against: no-op jobs with as many in flight as the digest workers run. */
  noopJobsPerSecond: number;
  /** The same no-op jobs on a worker with BullMQ's default options (one job at a time), for reference. */
  noopDefaultJobsPerSecond: number;
  /** CPU milliseconds a no-op job costs (worker, Redis, adding it), at the digest workers' concurrency. */
  noopCpuMsPerJob: number | null;
  concurrency: number;
  ratio: number;
  peakWorkerRssMb: number;
  seconds: number;
  /** Where the machine's CPU went while the period was sent; null without /proc. */
  cpu: CpuUsage | null;
}

@Module({})
class BenchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: BenchModule, imports: [CoreModule.forRoot(config), DigestsModule] };
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Peak resident set size of a process (VmHWM), in MB. */
function peakRssMb(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Resolves with what the child printed up to and including the line that contains `text`. */
function waitForLine(child: ChildProcess, text: string, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" from child`)), timeoutMs);
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes(text)) {
        clearTimeout(timer);
        resolveLine(buffer);
      }
      if (buffer.length > 10_000) buffer = buffer.slice(-1000);
    });
    child.once('exit', (code) => reject(new Error(`child exited with ${code} before "${text}"`)));
  });
}

/** Realistic follows and activity: communities, tags, watched questions, answers and acceptances in the period. */
async function seed(db: pg.Client, subscribers: number, windowStart: Date): Promise<void> {
  await db.query(`INSERT INTO users (email, display_name, password_hash) SELECT 'author' || g || '@example.org', 'Author ' || g, 'x' FROM generate_series(1, 200) g`);
  await db.query(
    `INSERT INTO communities (slug, title, description, created_by)
     SELECT 'community-' || g, 'Community ' || g, 'Bench', (SELECT id FROM users ORDER BY email LIMIT 1) FROM generate_series(1, 20) g`,
  );
  await db.query(`INSERT INTO tags (slug) SELECT 'tag-' || g FROM generate_series(1, 60) g`);
  // Older questions people watch, then the period's new questions, answers and acceptances.
  await db.query(
    `INSERT INTO questions (community_id, author_id, title, body, created_at, answer_count, score, view_count)
     SELECT (SELECT id FROM communities ORDER BY random() + g * 0 LIMIT 1), (SELECT id FROM users ORDER BY random() + g * 0 LIMIT 1),
            'An older question about policy number ' || g, 'Body', $1::timestamptz - interval '10 days', 0, 0, 0
       FROM generate_series(1, 2000) g`,
    [windowStart],
  );
  await db.query(
    `INSERT INTO questions (community_id, author_id, title, body, created_at, answer_count, score, view_count)
     SELECT (SELECT id FROM communities ORDER BY random() + g * 0 LIMIT 1), (SELECT id FROM users ORDER BY random() + g * 0 LIMIT 1),
            'A new question about social media and interests number ' || g, 'Body', $1::timestamptz + (g || ' seconds')::interval,
            (random() * 5)::int, (random() * 10)::int, (random() * 100)::int
       FROM generate_series(1, 400) g`,
    [windowStart],
  );
  await db.query(
    `INSERT INTO question_tags (question_id, tag_id, position)
     SELECT q.id, t.id, 1 FROM questions q CROSS JOIN LATERAL (SELECT id FROM tags ORDER BY random() + length(q.title) * 0 LIMIT 1) t`,
  );
  await db.query(
    `INSERT INTO answers (question_id, author_id, body, created_at)
     SELECT q.id, (SELECT id FROM users ORDER BY random() + g * 0 LIMIT 1), 'An answer', $1::timestamptz + (g || ' seconds')::interval
       FROM generate_series(1, 1500) g CROSS JOIN LATERAL (SELECT id FROM questions WHERE created_at < $1 ORDER BY random() + g * 0 LIMIT 1) q`,
    [windowStart],
  );
  await db.query(
    `INSERT INTO answer_acceptances (question_id, answer_id, accepted_by, accepted_at)
     SELECT DISTINCT ON (a.question_id) a.question_id, a.id, a.author_id, a.created_at + interval '1 minute'
       FROM answers a ORDER BY a.question_id, random() LIMIT 200`,
  );
  await db.query(
    `INSERT INTO users (email, display_name, password_hash) SELECT 'subscriber' || g || '@example.org', 'Subscriber ' || g, 'x' FROM generate_series(1, $1) g`,
    [subscribers],
  );
  // Each subscriber: 2 communities, 3 tags, 4 watched questions.
  await db.query(
    `INSERT INTO follows (user_id, kind, target_id)
     SELECT DISTINCT u.id, 'COMMUNITY'::follow_kind, c.id FROM users u
       CROSS JOIN LATERAL (SELECT id FROM communities ORDER BY random() + length(u.email) * 0 LIMIT 2) c WHERE u.email LIKE 'subscriber%'`,
  );
  await db.query(
    `INSERT INTO follows (user_id, kind, target_id)
     SELECT DISTINCT u.id, 'TAG'::follow_kind, t.id FROM users u
       CROSS JOIN LATERAL (SELECT id FROM tags ORDER BY random() + length(u.email) * 0 LIMIT 3) t WHERE u.email LIKE 'subscriber%'`,
  );
  await db.query(
    `INSERT INTO follows (user_id, kind, target_id)
     SELECT DISTINCT u.id, 'QUESTION'::follow_kind, q.id FROM users u
       CROSS JOIN LATERAL (SELECT id FROM questions WHERE created_at < $1 ORDER BY random() + length(u.email) * 0 LIMIT 4) q WHERE u.email LIKE 'subscriber%'`,
    [windowStart],
  );
  // What autovacuum would have done by the time a real period's digests go out.
  await db.query('VACUUM ANALYZE');
}

/**
 * Makes the seeded people confirmed daily subscribers due at `hour`. Done only once the
 * workers are up: their own planning schedule runs as they start, and must find nobody
 * due, or part of the period would be sent before the clock starts.
 */
async function subscribe(db: pg.Client, windowStart: Date, hour: number): Promise<void> {
  await db.query(
    `INSERT INTO notification_settings (user_id, digest_hour, time_zone, email_confirmed_at, created_at, digest_watermark)
     SELECT id, $2, 'UTC', $1::timestamptz - interval '30 days', $1::timestamptz - interval '30 days', $1 FROM users WHERE email LIKE 'subscriber%'`,
    [windowStart, hour],
  );
  await db.query('ANALYZE notification_settings');
}

interface NoopRun {
  jobsPerSecond: number;
  /** CPU milliseconds per job: the no-op worker, Redis, and this process adding the jobs. */
  cpuMsPerJob: number | null;
}

/** No-op rates vary by a fifth between runs on a busy 2-core machine; the median of three is steadier. */
async function medianNoopRate(redisUrl: string, prefix: string, jobs: number, concurrency: number): Promise<NoopRun> {
  const runs: NoopRun[] = [];
  for (let run = 0; run < 3; run += 1) runs.push(await noopRate(redisUrl, prefix, jobs, concurrency));
  return runs.sort((a, b) => a.jobsPerSecond - b.jobsPerSecond)[1];
}

async function noopRate(redisUrl: string, prefix: string, jobs: number, concurrency: number): Promise<NoopRun> {
  const queue = new Queue('noop-bench', { connection: { url: redisUrl, maxRetriesPerRequest: null } as never, prefix });
  const child = spawn(process.execPath, [resolve(here, 'noop-worker.js'), 'noop-bench', prefix, redisUrl, String(jobs), String(concurrency)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await waitForLine(child, 'ready');
  const workerCpuAtReady = Number(/ready cpu (\d+)/.exec(ready)?.[1]);
  const group = (pid: number, comm: string) => (pid === process.pid ? 'bench' : comm === 'redis-server' ? 'Redis' : 'other');
  const before = snapshotCpu(group);
  const started = performance.now();
  for (let i = 0; i < jobs; i += 1000) {
    await queue.addBulk(Array.from({ length: Math.min(1000, jobs - i) }, (_, k) => ({ name: 'noop', data: { n: i + k }, opts: { removeOnComplete: true } })));
  }
  const done = await waitForLine(child, `done ${jobs}`, 120_000);
  const seconds = (performance.now() - started) / 1000;
  const after = snapshotCpu(group);
  // The no-op worker exits when done, so it reports its own CPU time rather than leaving it in /proc.
  const workerCpu = Number(/done \d+ cpu (\d+)/.exec(done)?.[1]) - workerCpuAtReady;
  await queue.obliterate({ force: true });
  await queue.close();
  const usage = before && after ? cpuBetween(before, after) : null;
  const others = usage?.groups.filter((g) => g.group !== 'other').reduce((n, g) => n + g.ms, 0);
  return { jobsPerSecond: jobs / seconds, cpuMsPerJob: others === undefined || Number.isNaN(workerCpu) ? null : (others + workerCpu) / jobs };
}

export async function runDigestBench(options: DigestBenchOptions): Promise<DigestBenchResult> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const name = `pc_bench_digest_${process.pid}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // BENCH_PG_SOCKET=/var/run/postgresql: the workers talk to a co-located PostgreSQL over its Unix socket.
  if (process.env.BENCH_PG_SOCKET) url.searchParams.set('host', process.env.BENCH_PG_SOCKET);
  const databaseUrl = url.toString();
  const admin = new pg.Client({ connectionString: maintenanceUrl(serverUrl).url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
  const prefix = `pcbench:${name}`;
  const sink = await new MailSink({ smtpPort: 0, keepRaw: false }).start();
  const workers: ChildProcess[] = [];
  let app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>> | undefined;
  try {
    await runMigrations(databaseUrl);
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    // Digests are due at the start of the current UTC hour; the period's activity is the two hours before it.
    const hourStart = new Date(Math.floor(Date.now() / 3600_000) * 3600_000);
    const windowStart = new Date(hourStart.getTime() - 2 * 3600_000);
    console.log(`seeding ${options.subscribers} subscribers with follows and a period of activity…`);
    await seed(db, options.subscribers, windowStart);

    const concurrency = WORKER_OPTIONS[QueueName.DIGESTS]?.concurrency ?? 4;
    console.log('measuring the no-op BullMQ job rate (median of three runs each)…');
    const noop = await medianNoopRate(redisUrl, prefix, options.subscribers, concurrency * options.workers);
    const noopDefault = await medianNoopRate(redisUrl, prefix, options.subscribers, 1);

    const env = {
      ...process.env,
      NODE_ENV: 'production',
      APP_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      PUBLIC_URL: 'https://forum.example.org',
      MAIL_FROM: 'Policy Commons <digest@forum.example.org>',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
    };
    const config = loadConfig({ ...env, RUN_MIGRATIONS: 'false' });
    app = await NestFactory.createApplicationContext(BenchModule.forRoot(config), { logger: ['error'] });
    for (let i = 0; i < options.workers; i += 1) {
      const nodeArgs = (process.env.BENCH_WORKER_NODE_ARGS ?? '').split(' ').filter(Boolean);
      const child = spawn(process.execPath, [...nodeArgs, workerEntry], { env, stdio: ['ignore', 'pipe', 'inherit'] });
      workers.push(child);
    }
    await Promise.all(workers.map((w) => waitForLine(w, 'serving queues')));
    for (const w of workers) w.stdout?.resume();
    await subscribe(db, windowStart, hourStart.getUTCHours());
    console.log(`sending a period's digests with ${options.workers} worker process(es)…`);
    const workerPids = new Set(workers.map((w) => w.pid));
    const group = (pid: number, comm: string) => {
      if (workerPids.has(pid)) return 'digest worker';
      if (pid === process.pid) return 'bench: planner, SMTP sink';
      if (comm.startsWith('postgres')) return 'PostgreSQL';
      return comm === 'redis-server' ? 'Redis' : 'other';
    };
    const cpuBefore = snapshotCpu(group);
    const started = performance.now();
    const plan = await app.get(DigestPlanner).plan(new Date());
    // Asked through the partial index of planned deliveries: counting all 10,000 rows twenty
    // times a second took CPU from the run being measured.
    for (;;) {
      const { rows } = await db.query(`SELECT EXISTS (SELECT 1 FROM digest_deliveries WHERE status = 'PLANNED' AND due_at <= now()) AS planned`);
      if (!(rows[0] as { planned: boolean }).planned) break;
      await sleep(50);
    }
    const { rows: sentRows } = await db.query(`SELECT count(*)::int AS n FROM digest_deliveries WHERE status = 'SENT'`);
    // A delivery is marked sent just before its final "."; the clock stops when the server has them all.
    while (sink.messages.length < (sentRows[0] as { n: number }).n) await sleep(10);
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = snapshotCpu(group);
    const { rows: outcome } = await db.query(`SELECT status, count(*)::int AS n FROM digest_deliveries GROUP BY status ORDER BY status`);
    const peak = Math.max(...workers.map((w) => peakRssMb(w.pid)));
    const sent = (outcome as { status: string; n: number }[]).find((r) => r.status === 'SENT')?.n ?? 0;
    console.log(`planned ${plan.planned}; outcome ${JSON.stringify(outcome)}; messages in the sink: ${sink.messages.length}`);
    await db.end();
    const digestsPerSecond = sent / seconds;
    return {
      subscribers: options.subscribers,
      workers: options.workers,
      digestsPerSecond,
      noopJobsPerSecond: noop.jobsPerSecond,
      noopDefaultJobsPerSecond: noopDefault.jobsPerSecond,
      noopCpuMsPerJob: noop.cpuMsPerJob,
      concurrency: concurrency * options.workers,
      ratio: digestsPerSecond / noop.jobsPerSecond,
      peakWorkerRssMb: peak,
      seconds,
      cpu: cpuBefore && cpuAfter ? cpuBetween(cpuBefore, cpuAfter) : null,
    };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(null) : w.once('exit', r)))));
    await app?.close();
    await sink.stop();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    if (!process.env.BENCH_KEEP_DATABASE) await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
    await admin.end();
  }
}

export function printDigestBench(r: DigestBenchResult): void {
  const pass = (ok: boolean) => (ok ? 'ok' : 'BELOW TARGET');
  const sent = r.digestsPerSecond * r.seconds;
  const lines = [
    `digest benchmark: ${r.subscribers} subscribers, ${r.workers} worker process(es), ${r.seconds.toFixed(1)} s end to end`,
    `  digests/s            ${r.digestsPerSecond.toFixed(0).padStart(8)}   target >= 300  ${pass(r.digestsPerSecond >= 300)}`,
    `  no-op BullMQ jobs/s  ${r.noopJobsPerSecond.toFixed(0).padStart(8)}   ${r.concurrency} in flight, as the digest workers run`,
    `  digests / no-op      ${(r.ratio * 100).toFixed(0).padStart(7)}%   target >= 25 % ${pass(r.ratio >= 0.25)}`,
    `  peak worker RSS      ${String(r.peakWorkerRssMb).padStart(6)} MB   target <= 300  ${pass(r.peakWorkerRssMb <= 300)}`,
    `  for reference: no-op jobs/s with BullMQ's default worker options (one at a time) ${r.noopDefaultJobsPerSecond.toFixed(0)};` +
      ` digests are ${((r.digestsPerSecond / r.noopDefaultJobsPerSecond) * 100).toFixed(0)} % of that`,
  ];
  if (r.cpu && sent > 0) {
    lines.push(`  CPU while sending (machine ${(r.cpu.machineBusy * 100).toFixed(0)} % busy), ms per digest:`);
    for (const { group, ms } of r.cpu.groups.filter((g) => g.ms > 0)) lines.push(`    ${group.padEnd(28)} ${(ms / sent).toFixed(3)}`);
    const total = r.cpu.groups.reduce((n, g) => n + g.ms, 0);
    lines.push(`    ${'all'.padEnd(28)} ${(total / sent).toFixed(3)}`);
    if (r.noopCpuMsPerJob !== null) lines.push(`    ${'a no-op job, for comparison'.padEnd(28)} ${r.noopCpuMsPerJob.toFixed(3)}`);
  }
  console.log(lines.join('\n'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const subscribers = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
  const workers = Number(process.env.BENCH_WORKERS ?? 1);
  runDigestBench({ subscribers, workers }).then(
    (result) => {
      printDigestBench(result);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type Job, type Queue } from 'bullmq';
import { AccountMail } from '../src/modules/digests/account-mail.js';
import { DigestPlanner } from '../src/modules/digests/digest-planner.service.js';
import { DigestSender } from '../src/modules/digests/digest-sender.service.js';
import { DigestsProcessor } from '../src/modules/digests/digests.processor.js';
import { MailSink } from '../src/modules/digests/mail-sink.js';
import { QueueName } from '../src/queues/queue-names.js';
import { bullConnection, bullPrefix, queueToken } from '../src/queues/queues.module.js';
import type { TestApp } from './test-app.js';

const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A real SMTP server in the test process (smtp-server), on a free port. */
export function startMailSink(options: Partial<ConstructorParameters<typeof MailSink>[0]> = {}): Promise<MailSink> {
  return new MailSink({ smtpPort: 0, ...options }).start();
}

export const digestQueue = (t: TestApp): Queue => t.app.get<Queue>(queueToken(QueueName.DIGESTS));

/** Makes a person a confirmed digest subscriber whose settings existed since `since`. */
export async function makeSubscriber(
  t: TestApp,
  userId: string,
  settings: { hour: number; timeZone?: string; frequency?: 'DAILY' | 'WEEKLY'; weekday?: number; since: Date; watermark?: Date },
): Promise<void> {
  await t.db.query(
    `INSERT INTO notification_settings (user_id, digest_frequency, digest_weekday, digest_hour, time_zone, email_confirmed_at, created_at, digest_watermark)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7)
     ON CONFLICT (user_id) DO UPDATE SET digest_frequency = $2, digest_weekday = $3, digest_hour = $4, time_zone = $5,
       email_confirmed_at = $6, created_at = $6, digest_watermark = $7`,
    [userId, settings.frequency ?? 'DAILY', settings.weekday ?? null, settings.hour, settings.timeZone ?? 'UTC', settings.since, settings.watermark ?? settings.since],
  );
}

/**
 * Runs the digest queue inside the test process with the worker's own handlers, until
 * nothing is waiting, delayed or active. For content tests; the exactly-once tests use
 * real worker processes.
 */
export async function drainDigestsInProcess(t: TestApp): Promise<void> {
  const queue = digestQueue(t);
  const processor = new DigestsProcessor(t.app.get(DigestPlanner), t.app.get(DigestSender), queue, t.app.get(AccountMail));
  const handlers = processor.handlers() as Record<string, (job: Job) => Promise<unknown>>;
  const worker = new Worker(QueueName.DIGESTS, (job) => handlers[job.name](job), {
    connection: bullConnection(t.config),
    prefix: bullPrefix(t.config),
    concurrency: 8,
  });
  worker.on('failed', (job, error) => console.warn(`digest job ${job?.name} ${job?.id} failed: ${error.stack}`));
  try {
    await waitForIdle(queue, 20_000);
  } finally {
    await worker.close();
  }
}

export async function waitForIdle(queue: Queue, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    if (Object.values(counts).every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`queue not idle after ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A real worker process (`node dist/worker.js`) pointed at the test's database, Redis and SMTP sink. */
export function spawnWorker(t: TestApp, env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['dist/worker.js'], {
    cwd: apiDir,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: t.config.redisUrl,
      REDIS_PREFIX: t.config.redisPrefix,
      SMTP_URL: t.config.smtpUrl ?? '',
      PUBLIC_URL: t.config.publicUrl,
      APP_SECRET: t.config.appSecret,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

export function waitForExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Resolves once the worker process logged that it serves its queues. */
export function waitForReady(child: ChildProcess, timeoutMs = 20_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('worker did not become ready')), timeoutMs);
    const onData = (chunk: Buffer) => {
      if (chunk.toString().includes('serving queues')) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited early with ${code}`));
    });
  });
}

/** Inserts `count` confirmed daily subscribers (no password hashing: they never sign in) following one community. */
export async function seedSubscribers(t: TestApp, count: number, options: { hour: number; communityId: string; since: Date; watermark: Date; prefix?: string; timeZone?: string }): Promise<string[]> {
  const prefix = options.prefix ?? 'sub';
  const rows = (await t.db.query(
    `INSERT INTO users (email, display_name, password_hash)
     SELECT '${prefix}' || g || '@example.org', 'Subscriber ' || g, 'not-a-hash' FROM generate_series(1, $1) g RETURNING id`,
    [count],
  )) as { id: string }[];
  const ids = rows.map((r) => r.id);
  await t.db.query(
    `INSERT INTO notification_settings (user_id, digest_hour, time_zone, email_confirmed_at, created_at, digest_watermark)
     SELECT unnest($1::uuid[]), $2, $5, $3, $3, $4`,
    [ids, options.hour, options.since, options.watermark, options.timeZone ?? 'UTC'],
  );
  await t.db.query(`INSERT INTO follows (user_id, kind, target_id) SELECT unnest($1::uuid[]), 'COMMUNITY', $2`, [ids, options.communityId]);
  return ids;
}

/**
 * A delivery hour one hour from now, in a fixed-offset zone where now and that hour fall
 * on the same local day. Spawned workers run the real planning schedule against the real
 * clock; this way it never finds the subscribers due (for today or, near midnight, for
 * the day before), so only the test's own planning at `clock` creates their period.
 */
export function digestHourAheadOfNow(now = new Date()): { clock: Date; hour: number; timeZone: string } {
  for (let offset = 0; offset <= 12; offset += 1) {
    for (const sign of [1, -1]) {
      const hoursAhead = sign * offset;
      const local = new Date(now.getTime() + hoursAhead * 3600_000);
      if (local.getUTCHours() >= 2 && local.getUTCHours() <= 20) {
        // Etc/GMT zones count the other way: Etc/GMT-5 is five hours ahead of UTC.
        const timeZone = hoursAhead === 0 ? 'UTC' : `Etc/GMT${hoursAhead > 0 ? '-' : '+'}${Math.abs(hoursAhead)}`;
        return { clock: new Date(now.getTime() + 3600_000), hour: local.getUTCHours() + 1, timeZone };
      }
    }
  }
  throw new Error('unreachable: some offset puts the hour between 2 and 20');
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { TestApp } from '../../../test/test-app.js';
import { startTestApp } from '../../../test/test-app.js';
import { digestHourAheadOfNow, seedSubscribers, sleep, spawnWorker, startMailSink, waitForExit, waitUntil } from '../../../test/digest-helpers.js';
import { DigestPlanner } from './digest-planner.service.js';
import type { MailSink } from './mail-sink.js';

const SUBSCRIBERS = 2000;
const HOUR = 3600_000;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/** A period's worth of digests: subscribers following a community with three new questions. */
async function preparePeriod(t: TestApp): Promise<{ clock: Date; subscribers: string[] }> {
  const { clock, hour, timeZone } = digestHourAheadOfNow();
  const [author] = (await t.db.query(`INSERT INTO users (email, display_name, password_hash) VALUES ('author@example.org', 'Author', 'x') RETURNING id`)) as { id: string }[];
  const [community] = (await t.db.query(`INSERT INTO communities (slug, title, description, created_by) VALUES ('load', 'Load', 'Load', $1) RETURNING id`, [author.id])) as { id: string }[];
  await t.db.query(
    `INSERT INTO questions (community_id, author_id, title, body) SELECT $1, $2, 'A busy question number ' || g, 'Body' FROM generate_series(1, 3) g`,
    [community.id, author.id],
  );
  const subscribers = await seedSubscribers(t, SUBSCRIBERS, {
    hour,
    timeZone,
    communityId: community.id,
    since: new Date(Date.now() - 2 * 24 * HOUR),
    watermark: new Date(Date.now() - HOUR),
  });
  return { clock, subscribers };
}

/**
 * Every due subscriber has exactly one message for the period: none twice, none missing,
 * but for the one loss the design leaves (docs/ARCHITECTURE.md, "Exactly once"): a worker
 * SIGKILLed after its batch's COMMIT was written and before a digest's final "." was. The
 * server then saw that very message cut short at that very moment; any other loss fails.
 */
async function expectExactlyOnce(t: TestApp, sink: MailSink, subscribers: string[], sigkillsAt: number[] = []): Promise<void> {
  const perAddress = new Map<string, number>();
  for (const mail of sink.messages) for (const to of mail.envelopeTo) perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
  const rows = (await t.db.query(`SELECT u.email, d.status, d.message_id FROM digest_deliveries d JOIN users u ON u.id = d.user_id`)) as { email: string; status: string; message_id: string }[];
  expect(rows).toHaveLength(subscribers.length);
  expect(rows.filter((r) => r.status !== 'SENT')).toEqual([]);
  const twice = [...perAddress].filter(([, n]) => n > 1);
  const missing = rows.filter((r) => !perAddress.has(r.email));
  const cutByAKill = (r: { message_id: string }) =>
    sink.interrupted.some(
      (m) => m.headers.get('message-id') === r.message_id && sigkillsAt.some((at) => m.receivedAt.getTime() >= at && m.receivedAt.getTime() <= at + 1000),
    );
  const unexplained = missing.filter((r) => !cutByAKill(r)).map((r) => r.email);
  expect({ twice, unexplained }).toEqual({ twice: [], unexplained: [] });
  // At most the batch a worker was recording when it died.
  expect(missing.length).toBeLessThanOrEqual(100 * sigkillsAt.length);
  if (missing.length) console.warn(`${missing.length} digest(s) lost to a SIGKILL between their batch's COMMIT and their final "." (the documented window)`);
  expect(sink.messages).toHaveLength(subscribers.length - missing.length);
  // The Message-ID the server got is the one the delivery row recorded.
  const recorded = new Map(rows.map((r) => [r.email, r.message_id]));
  for (const mail of sink.messages) expect(mail.headers.get('message-id')).toBe(recorded.get(mail.envelopeTo[0]));
}

async function allDone(t: TestApp): Promise<boolean> {
  const [row] = (await t.db.query(`SELECT count(*)::int AS n FROM digest_deliveries WHERE status = 'PLANNED'`)) as { n: number }[];
  return row.n === 0;
}

async function stopAll(workers: ChildProcess[]): Promise<void> {
  for (const w of workers) w.kill('SIGTERM');
  await Promise.all(workers.map(waitForExit));
}

describe('digests are sent exactly once', () => {
  it(`to ${SUBSCRIBERS} subscribers while two worker processes are killed at random moments and restarted`, async () => {
    const sink = await startMailSink({ keepRaw: false });
    const t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}` });
    const workers: ChildProcess[] = [];
    try {
      const { clock, subscribers } = await preparePeriod(t);
      const planner = t.app.get(DigestPlanner);
      expect(await planner.plan(clock)).toEqual({ planned: SUBSCRIBERS, enqueued: SUBSCRIBERS });
      workers.push(spawnWorker(t), spawnWorker(t));
      const kills: string[] = [];
      const sigkillsAt: number[] = [];
      // Kill whichever worker at random moments while mail is flowing; most kills are SIGKILL, some a graceful SIGTERM.
      while (kills.length < 6 && sink.messages.length < SUBSCRIBERS * 0.9) {
        await sleep(400 + Math.random() * 900);
        const i = Math.floor(Math.random() * workers.length);
        const signal = kills.length % 3 === 2 ? 'SIGTERM' : 'SIGKILL';
        if (signal === 'SIGKILL') sigkillsAt.push(Date.now());
        workers[i].kill(signal);
        await waitForExit(workers[i]);
        kills.push(`${signal}@${sink.messages.length}`);
        workers[i] = spawnWorker(t);
        // A re-plan in the middle (the scheduler's next tick) must not double anything.
        if (kills.length === 3) await planner.plan(clock);
      }
      await waitUntil(() => allDone(t), 90_000, 'every delivery to finish');
      await sleep(300);
      await stopAll(workers);
      expect(kills.length).toBeGreaterThanOrEqual(3);
      await expectExactlyOnce(t, sink, subscribers, sigkillsAt);
    } finally {
      await stopAll(workers);
      await t.close();
      await sink.stop();
    }
  }, 120_000);

  it(`to ${SUBSCRIBERS} subscribers when Redis restarts empty in the middle of the run`, async () => {
    const port = await freePort();
    const startRedis = () => spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    let redis = startRedis();
    const sink = await startMailSink({ keepRaw: false });
    await sleep(200);
    const t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`, REDIS_URL: `redis://127.0.0.1:${port}` });
    const workers: ChildProcess[] = [];
    try {
      const { clock, subscribers } = await preparePeriod(t);
      const planner = t.app.get(DigestPlanner);
      await planner.plan(clock);
      workers.push(spawnWorker(t), spawnWorker(t));
      await waitUntil(async () => sink.messages.length >= SUBSCRIBERS * 0.3, 60_000, 'a third of the mail');
      redis.kill('SIGKILL');
      await waitForExit(redis);
      await sleep(300);
      redis = startRedis();
      // Redis came back empty: the jobs are gone, the delivery rows are not. The next planning tick re-enqueues what is still planned.
      await sleep(500);
      await waitUntil(
        // Enqueueing fails fast until the producer's connection is back.
        () => planner.plan(clock).then(
          () => true,
          () => false,
        ),
        10_000,
        'a plan after the restart',
      );
      await waitUntil(
        async () => {
          if (await allDone(t)) return true;
          // As the scheduler would: a plan that fails (Redis busy reloading) is simply tried again.
          await planner.plan(clock).catch(() => undefined);
          await sleep(1000);
          return false;
        },
        90_000,
        'every delivery to finish',
      );
      await sleep(300);
      await stopAll(workers);
      await expectExactlyOnce(t, sink, subscribers);
    } finally {
      await stopAll(workers);
      await t.close();
      await sink.stop();
      redis.kill('SIGKILL');
      await waitForExit(redis);
    }
  }, 120_000);
});

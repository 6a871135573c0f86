import { Worker, type Job } from 'bullmq';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from '../src/config/app-config.js';
import { AccountMail } from '../src/modules/digests/account-mail.js';
import { DigestPlanner, digestJobId } from '../src/modules/digests/digest-planner.service.js';
import { DigestSender } from '../src/modules/digests/digest-sender.service.js';
import { DigestsProcessor } from '../src/modules/digests/digests.processor.js';
import type { MailSink } from '../src/modules/digests/mail-sink.js';
import { QueueName } from '../src/queues/queue-names.js';
import { REDIS_COMMAND_TIMEOUT_MS } from '../src/redis/redis.module.js';
import { bullConnection, bullPrefix } from '../src/queues/queues.module.js';
import { digestQueue, drainDigestsInProcess, makeSubscriber, startMailSink, waitUntil } from './digest-helpers.js';
import { askQuestion, createCommunity, type Person } from './forum-fixtures.js';
import { errorOf, signUp, type TestApp } from './test-app.js';
import { migratedDatabase, startApiOn, throwawayPostgres, throwawayRedis, type ThrowawayPostgres, type ThrowawayRedis } from './throwaway-services.js';

/*
 * Failing services: this file starts its own PostgreSQL and Redis on free ports (the
 * shared ones other suites use are never touched), stops them under a running api, and
 * checks that nothing hangs, that what can work does, that refusals say SERVICE_UNAVAILABLE
 * without the driver's words, and that everything recovers on its own when they return.
 */

/** "Answers fast": far below the 8 s and more a hung request took, far above a slow machine's round trip. */
const FAST_MS = 2000;
/**
 * A statement on a connection the server stopped answering: PostgreSQL cannot cancel it,
 * so the client gives up 2 s after the statement timeout would have (query_timeout); a
 * new connection gives up after the 2 s connect timeout. Without either it waits forever.
 */
const HUNG_QUERY_MS = DEFAULT_STATEMENT_TIMEOUT_MS + 2000 + 2000;
/** A Redis that is connected but silent is given up on after the command timeout (a down one at once). */
const HUNG_REDIS_MS = REDIS_COMMAND_TIMEOUT_MS + 1500;
/** How long recovery may take: the clients reconnect at most every 2 s. */
const RECOVERY_MS = 30_000;
const HOUR = 3600_000;
const PASSWORD = 'correct horse battery';

const QUESTIONS = '{ questions(first: 50) { totalCount edges { node { id title } } } }';
const QUESTION_PAGE = 'query($id: ID!) { question(id: $id) { id title viewCount } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token } }';

async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}

async function health(t: TestApp): Promise<{ status: number; body: { status: string; error?: Record<string, { status: string; message?: string }>; info?: Record<string, { status: string }> } }> {
  const response = await fetch(`${t.url}/health`);
  return { status: response.status, body: (await response.json()) as never };
}

describe('failing services', () => {
  let postgres: ThrowawayPostgres;
  let redis: ThrowawayRedis;
  let sink: MailSink;
  let t: TestApp;
  let member: Person & { email: string };
  let communityId: string;
  let askedBefore: string;

  beforeAll(async () => {
    [postgres, redis, sink] = await Promise.all([throwawayPostgres(), throwawayRedis(), startMailSink()]);
    const databaseUrl = await migratedDatabase(postgres, 'forum');
    t = await startApiOn(databaseUrl, redis.url, { SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}` });
    ({ communityId } = await createCommunity(t, 'outages'));
    member = await signUp(t, 'Established member');
    // Past the new-member rules, whose posting pace is counted in Redis.
    await t.db.query(`UPDATE users SET created_at = now() - interval '30 days' WHERE id = $1`, [member.id]);
    askedBefore = await askQuestion(t, member, communityId, { title: 'Asked before any outage' });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await Promise.all([redis?.stop(), postgres?.destroy(), sink?.stop()]);
  });

  const titles = async () => {
    const result = await t.gql<{ questions: { edges: { node: { title: string } }[] } }>(QUESTIONS);
    return result.data?.questions.edges.map((e) => e.node.title) ?? [];
  };

  it('with Redis down, reads and posts work, sign-in and mail refuse at once with SERVICE_UNAVAILABLE, /health names Redis; all recover when it returns', async () => {
    const [before] = (await t.db.query('SELECT view_count AS "viewCount" FROM questions WHERE id = $1', [askedBefore])) as { viewCount: number }[];
    await redis.stop();
    try {
      // Reading: the list and the question page (whose view is counted in Redis, best effort).
      const list = await timed(() => t.gql(QUESTIONS));
      expect(list.result.errors).toBeUndefined();
      expect(list.ms).toBeLessThan(FAST_MS);
      const page = await timed(() => t.gql<{ question: { title: string; viewCount: number } }>(QUESTION_PAGE, { id: askedBefore }, member));
      expect(page.result.errors).toBeUndefined();
      expect(page.result.data?.question).toMatchObject({ title: 'Asked before any outage', viewCount: before.viewCount });
      expect(page.ms).toBeLessThan(FAST_MS);

      // Posting.
      const asked = await timed(() => askQuestion(t, member, communityId, { title: 'Asked while Redis was down' }));
      expect(asked.ms).toBeLessThan(FAST_MS);

      // Sign-in cannot check its attempt limits: refused at once, neither hung nor let through.
      const signIn = await timed(() => t.gql(SIGN_IN, { input: { email: member.email, password: PASSWORD } }));
      expect(signIn.ms).toBeLessThan(FAST_MS);
      expect(errorOf(signIn.result)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/try again in a minute/i) });
      expect(signIn.result.data ?? null).toBeNull();

      // Mail goes through the queue, which is in Redis: refused at once too.
      const mail = await timed(() => t.gql('mutation { sendEmailConfirmation }', {}, member));
      expect(mail.ms).toBeLessThan(FAST_MS);
      expect(errorOf(mail.result).code).toBe('SERVICE_UNAVAILABLE');
      expect(errorOf(mail.result).message).not.toMatch(/enableOfflineQueue|ECONNREFUSED|127\.0\.0\.1|ioredis/);

      const down = await timed(() => health(t));
      expect(down.ms).toBeLessThan(FAST_MS);
      expect(down.result.status).toBe(503);
      expect(down.result.body.error).toEqual({ redis: expect.objectContaining({ status: 'down' }) });
      expect(down.result.body.info).toEqual({ postgresql: expect.objectContaining({ status: 'up' }) });
    } finally {
      await redis.start();
    }

    await waitUntil(async () => (await health(t)).status === 200, RECOVERY_MS, '/health to answer 200 again');
    const signIn = await t.gql<{ signIn: { token: string } }>(SIGN_IN, { input: { email: member.email, password: PASSWORD } });
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data?.signIn.token).toEqual(expect.any(String));
    // Views are counted again: a new viewer's visit adds one.
    const reader = await signUp(t, 'Reader after the outage');
    const page = await t.gql<{ question: { viewCount: number } }>(QUESTION_PAGE, { id: askedBefore }, reader);
    expect(page.data?.question.viewCount).toBe(before.viewCount + 1);
    expect(await titles()).toEqual(expect.arrayContaining(['Asked before any outage', 'Asked while Redis was down']));
  }, 90_000);

  it('with Redis hung (connected, never answering), /health names it at once and nothing waits on it past the command timeout, and all resume when it answers', async () => {
    redis.pause();
    try {
      const page = await timed(() => t.gql<{ question: { title: string } }>(QUESTION_PAGE, { id: askedBefore }, member));
      expect(page.result.errors).toBeUndefined();
      expect(page.ms).toBeLessThan(HUNG_REDIS_MS);
      const asked = await timed(() => askQuestion(t, member, communityId, { title: 'Asked while Redis was hung' }));
      expect(asked.ms).toBeLessThan(HUNG_REDIS_MS);
      const signIn = await timed(() => t.gql(SIGN_IN, { input: { email: member.email, password: PASSWORD } }));
      expect(signIn.ms).toBeLessThan(HUNG_REDIS_MS);
      expect(errorOf(signIn.result).code).toBe('SERVICE_UNAVAILABLE');
      const mail = await timed(() => t.gql('mutation { sendEmailConfirmation }', {}, member));
      expect(mail.ms).toBeLessThan(HUNG_REDIS_MS + 2000);
      expect(errorOf(mail.result).code).toBe('SERVICE_UNAVAILABLE');
      const down = await timed(() => health(t));
      expect(down.ms).toBeLessThan(FAST_MS);
      expect(down.result.status).toBe(503);
      expect(down.result.body.error).toEqual({ redis: expect.objectContaining({ status: 'down' }) });
    } finally {
      redis.resume();
    }
    await waitUntil(async () => (await health(t)).status === 200, RECOVERY_MS, '/health to answer 200 again');
    const signIn = await t.gql(SIGN_IN, { input: { email: member.email, password: PASSWORD } });
    expect(signIn.errors).toBeUndefined();
  }, 90_000);

  it('with PostgreSQL down, requests answer SERVICE_UNAVAILABLE at once without the driver’s words, /health names it; all recover when it returns', async () => {
    await postgres.stop();
    try {
      for (const [what, send] of [
        ['anonymous read', () => t.gql(QUESTIONS)],
        // A signed-in request fails earlier, while the session is looked up.
        ['signed-in read', () => t.gql(QUESTIONS, {}, member)],
        ['post', () => t.gql('mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }', { input: { communityId, title: 'Asked while PostgreSQL was down', body: 'Lost?', tags: [] } }, member)],
        ['sign-in', () => t.gql(SIGN_IN, { input: { email: member.email, password: PASSWORD } })],
      ] as const) {
        const { result, ms } = await timed(send);
        expect({ what, ms: ms < FAST_MS }).toEqual({ what, ms: true });
        const error = errorOf(result);
        expect({ what, code: error.code }).toEqual({ what, code: 'SERVICE_UNAVAILABLE' });
        expect(error.message).toMatch(/try again in a minute/i);
        expect(error.message).not.toMatch(/ECONNREFUSED|connect|127\.0\.0\.1|terminat|postgres/i);
        expect(result.errors?.[0].extensions?.stacktrace).toBeUndefined();
      }

      const down = await timed(() => health(t));
      expect(down.ms).toBeLessThan(FAST_MS);
      expect(down.result.status).toBe(503);
      expect(down.result.body.error).toEqual({ postgresql: expect.objectContaining({ status: 'down' }) });
      expect(down.result.body.info).toEqual({ redis: expect.objectContaining({ status: 'up' }) });
      expect(JSON.stringify(down.result.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await postgres.start();
    }

    await waitUntil(async () => (await t.gql(QUESTIONS)).errors === undefined, RECOVERY_MS, 'questions to be readable again');
    expect((await health(t)).status).toBe(200);
    // Nothing acknowledged before the outage is lost; what was refused was not half-written.
    const after = await titles();
    expect(after).toEqual(expect.arrayContaining(['Asked before any outage', 'Asked while Redis was down', 'Asked while Redis was hung']));
    expect(after).not.toContain('Asked while PostgreSQL was down');
    const signIn = await t.gql(SIGN_IN, { input: { email: member.email, password: PASSWORD } });
    expect(signIn.errors).toBeUndefined();
  }, 90_000);

  it('with PostgreSQL hung (connected, never answering), /health names it at once and requests give up soon after the statement timeout; all resume when it answers', async () => {
    // Connections open in the pool, as under traffic: a hung server keeps them open and silent.
    await Promise.all([1, 2, 3].map(() => t.gql(QUESTIONS)));
    postgres.pause();
    try {
      const down = await timed(() => health(t));
      expect(down.ms).toBeLessThan(FAST_MS);
      expect(down.result.status).toBe(503);
      expect(down.result.body.error).toEqual({ postgresql: expect.objectContaining({ status: 'down' }) });
      const read = await timed(() => t.gql(QUESTIONS));
      expect(errorOf(read.result).code).toBe('SERVICE_UNAVAILABLE');
      expect(read.ms).toBeLessThan(HUNG_QUERY_MS);
    } finally {
      postgres.resume();
    }
    await waitUntil(async () => (await health(t)).status === 200, RECOVERY_MS, '/health to answer 200 again');
    expect(await titles()).toContain('Asked before any outage');
  }, 90_000);

  it('a digest whose job ran out of attempts while PostgreSQL was down is sent by the next plan, once', async () => {
    const clock = new Date(Date.now() + HOUR);
    const subscriber = await signUp(t, 'Subscriber');
    await makeSubscriber(t, subscriber.id, { hour: clock.getUTCHours(), since: new Date(Date.now() - 2 * 24 * HOUR), watermark: new Date(Date.now() - HOUR) });
    const follow = await t.gql('mutation($input: FollowInput!) { follow(input: $input) { kind } }', { input: { kind: 'COMMUNITY', targetId: communityId } }, subscriber);
    expect(follow.errors).toBeUndefined();
    await askQuestion(t, member, communityId, { title: 'News for the digest' });
    const planner = t.app.get(DigestPlanner);
    expect(await planner.plan(clock)).toEqual({ planned: 1, enqueued: 1 });
    const [delivery] = (await t.db.query('SELECT id, period FROM digest_deliveries WHERE user_id = $1', [subscriber.id])) as { id: string; period: string }[];
    const queue = digestQueue(t);
    const jobId = digestJobId(subscriber.id, delivery.period);

    // The worker runs the job through every attempt while PostgreSQL is down; the backoff
    // between attempts is skipped (promoted) rather than waited out.
    await postgres.stop();
    try {
      const processor = new DigestsProcessor(planner, t.app.get(DigestSender), queue, t.app.get(AccountMail));
      const handlers = processor.handlers() as Record<string, (job: Job) => Promise<unknown>>;
      const worker = new Worker(QueueName.DIGESTS, (job) => handlers[job.name](job), { connection: bullConnection(t.config), prefix: bullPrefix(t.config) });
      try {
        await waitUntil(
          async () => {
            const job = await queue.getJob(jobId);
            const state = await job?.getState();
            if (state === 'delayed') await job?.promote();
            return state === 'failed';
          },
          60_000,
          'the digest job to run out of attempts',
        );
      } finally {
        await worker.close();
      }
      const failed = await queue.getJob(jobId);
      expect(failed?.attemptsMade).toBe(failed?.opts.attempts);
    } finally {
      await postgres.start();
    }
    await waitUntil(async () => (await t.gql(QUESTIONS)).errors === undefined, RECOVERY_MS, 'PostgreSQL to be back');
    const [stuck] = (await t.db.query('SELECT status FROM digest_deliveries WHERE id = $1', [delivery.id])) as { status: string }[];
    expect(stuck.status).toBe('PLANNED');
    expect(sink.messages.filter((m) => m.envelopeTo.includes(subscriber.email))).toHaveLength(0);

    // The next tick's plan gives the failed job fresh attempts; a further plan changes nothing.
    await planner.plan(clock);
    await drainDigestsInProcess(t);
    await planner.plan(clock);
    await drainDigestsInProcess(t);
    const [sent] = (await t.db.query('SELECT status FROM digest_deliveries WHERE id = $1', [delivery.id])) as { status: string }[];
    expect(sent.status).toBe('SENT');
    const mails = sink.messages.filter((m) => m.envelopeTo.includes(subscriber.email));
    expect(mails).toHaveLength(1);
    expect(mails[0].headers.get('message-id')).toBe(`<digest.${delivery.id}@${new URL(t.config.publicUrl).hostname}>`);
  }, 120_000);
});

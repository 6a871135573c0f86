import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestApp } from './test-app.js';
import { signUp } from './test-app.js';
import { migratedDatabase, startApiOn, throwawayPostgres, throwawayReplica, type ThrowawayPostgres } from './throwaway-services.js';

const QUESTIONS = 'query { questions(first: 10) { totalCount edges { node { id title author { displayName } } } } }';
const QUESTION = 'query($id: ID!) { question(id: $id) { id title viewCount tags { slug } } }';
const SEARCH = 'query($q: String!) { search(query: $q) { edges { node { question { id } } } } }';
const QUESTION_PAGE = 'query($id: ID!) { question(id: $id) { answerCount answers { author { displayName } } } }';
const ANSWER = 'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }';
const ASK = 'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id title tags { slug } } }';

/**
 * DATABASE_REPLICA_URLS against a real streaming replica: a second cluster started from a
 * base backup of the first. Pausing the replica's replay makes "read from the replica"
 * visible as "does not see the newest write yet", so each assertion shows which server
 * answered without counting statements.
 */
describe('reads that may be a moment stale go to a streaming replica', () => {
  let primary: ThrowawayPostgres;
  let replica: ThrowawayPostgres;
  let t: TestApp;
  let onPrimary: pg.Client;
  /** A pool, not a client: the last test stops the replica, which ends its connections. */
  let onReplica: pg.Pool;
  const prefix = `pctest:replicas_${process.pid}_${randomBytes(3).toString('hex')}`;
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  let communityId: string;

  beforeAll(async () => {
    primary = await throwawayPostgres();
    const databaseUrl = await migratedDatabase(primary, 'pc_replicated');
    replica = await throwawayReplica(primary);
    onPrimary = new pg.Client({ connectionString: databaseUrl });
    onReplica = new pg.Pool({ connectionString: replica.url('pc_replicated'), max: 1 });
    onReplica.on('error', () => undefined);
    await onPrimary.connect();
    t = await startApiOn(databaseUrl, redisUrl, { REDIS_PREFIX: prefix, DATABASE_REPLICA_URLS: replica.url('pc_replicated'), SIGN_UPS_PER_ADDRESS_PER_HOUR: '1000' });
    const { rows } = await onPrimary.query<{ id: string }>(
      `WITH founder AS (INSERT INTO users (email, display_name, password_hash) VALUES ('founder@example.org', 'Founder', 'x') RETURNING id)
       INSERT INTO communities (slug, title, description, created_by) SELECT 'councils', 'Councils', 'Council officers', id FROM founder RETURNING id`,
    );
    communityId = rows[0].id;
    await caughtUp();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
    await Promise.all([onPrimary?.end(), onReplica?.end()]);
    await replica?.destroy();
    await primary?.destroy();
    const redis = new Redis(redisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  /** Until the replica has replayed everything the primary has written so far. */
  async function caughtUp(): Promise<void> {
    const { rows } = await onPrimary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    for (let i = 0; i < 200; i += 1) {
      const replayed = await onReplica.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [rows[0].lsn]).catch(() => undefined);
      if (replayed?.rows[0].done) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the replica did not catch up within 10 s');
  }

  async function pauseReplay(): Promise<void> {
    await onReplica.query('SELECT pg_wal_replay_pause()');
    for (let i = 0; i < 200; i += 1) {
      if ((await onReplica.query<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state')).rows[0].state === 'paused') return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the replica did not pause');
  }

  it('really is a hot standby of the primary', async () => {
    expect((await onReplica.query('SELECT pg_is_in_recovery() AS standby')).rows).toEqual([{ standby: true }]);
    expect((await onPrimary.query('SELECT count(*)::int AS n FROM pg_stat_replication')).rows).toEqual([{ n: 1 }]);
  });

  it('serves a visitor from the replica, and the person who wrote from the primary at once', async () => {
    const asker = await signUp(t, 'Asker');
    await caughtUp();
    await pauseReplay();
    try {
      // A mutation and what it reads back: the primary (the new question's tags are read after the insert).
      const asked = await t.gql<{ askQuestion: { id: string; title: string; tags: { slug: string }[] } }>(ASK, {
        input: { communityId, title: 'Officers who are parish councillors', body: 'May an officer criticise the council on a parish blog?', tags: ['conduct'] },
      }, { token: asker.token });
      expect(asked.errors).toBeUndefined();
      const id = asked.data!.askQuestion.id;
      expect(asked.data!.askQuestion.tags).toEqual([{ slug: 'conduct' }]);

      // The asker is signed in: every read of theirs goes to the primary and shows the question.
      const theirList = await t.gql<{ questions: { totalCount: number } }>(QUESTIONS, {}, { token: asker.token });
      expect(theirList.data?.questions.totalCount).toBe(1);
      expect((await t.gql<{ question: { id: string } | null }>(QUESTION, { id }, { token: asker.token })).data?.question?.id).toBe(id);

      // A visitor reads the replica, which has not replayed the question yet.
      expect((await t.gql<{ questions: { totalCount: number } }>(QUESTIONS)).data?.questions.totalCount).toBe(0);
      expect((await t.gql<{ question: unknown }>(QUESTION, { id })).data?.question).toBeNull();
      expect((await t.gql<{ search: { edges: unknown[] } }>(SEARCH, { q: 'parish councillors' })).data?.search.edges).toEqual([]);
      // A mutation without a session is a write: the primary, replica paused or not.
      expect((await signUp(t, 'Newcomer')).token).toBeTruthy();
    } finally {
      await onReplica.query('SELECT pg_wal_replay_resume()');
    }
    await caughtUp();

    // Once replayed, the visitor sees it all, and their view is counted on the primary (after the asker's own).
    const list = await t.gql<{ questions: { totalCount: number; edges: { node: { title: string; author: { displayName: string } } }[] } }>(QUESTIONS);
    expect(list.data?.questions).toMatchObject({ totalCount: 1, edges: [{ node: { title: 'Officers who are parish councillors', author: { displayName: 'Asker' } } }] });
    const [{ id }] = (await onPrimary.query<{ id: string }>('SELECT id FROM questions')).rows;
    expect((await t.gql<{ question: { viewCount: number } }>(QUESTION, { id })).data?.question.viewCount).toBe(2);
    expect((await onPrimary.query('SELECT view_count FROM questions WHERE id = $1', [id])).rows).toEqual([{ view_count: 2 }]);
    expect((await t.gql<{ search: { edges: { node: { question: { id: string } } }[] } }>(SEARCH, { q: 'parish councillors' })).data?.search.edges).toEqual([
      { node: { question: { id } } },
    ]);
  });

  it('reads a visitor’s question page from the replica field by field, answers and their authors included', async () => {
    const [{ id }] = (await onPrimary.query<{ id: string }>('SELECT id FROM questions')).rows;
    const answerer = await signUp(t, 'Answerer');
    await caughtUp();
    await pauseReplay();
    try {
      const answered = await t.gql(ANSWER, { input: { questionId: id, body: 'The dual role is the point, not the medium.' } }, { token: answerer.token });
      expect(answered.errors).toBeUndefined();
      const page = (token?: string) => t.gql<{ question: { answerCount: number; answers: { author: { displayName: string } }[] } }>(QUESTION_PAGE, { id }, { token });
      // The question is on the replica; its new answer is not yet: the answers come from the replica too.
      expect((await page()).data?.question).toEqual({ answerCount: 0, answers: [] });
      expect((await page(answerer.token)).data?.question).toEqual({ answerCount: 1, answers: [{ author: { displayName: 'Answerer' } }] });
    } finally {
      await onReplica.query('SELECT pg_wal_replay_resume()');
    }
    await caughtUp();
    expect((await t.gql<{ question: { answerCount: number } }>(QUESTION_PAGE, { id })).data?.question.answerCount).toBe(1);
  });

  it('answers a visitor SERVICE_UNAVAILABLE while the replica is down, serves signed-in people meanwhile, and recovers', async () => {
    const reader = await signUp(t, 'Reader');
    await replica.stop();
    try {
      const visitor = await t.gql<{ questions: unknown }>(QUESTIONS);
      expect(visitor.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
      expect((await t.gql<{ questions: { totalCount: number } }>(QUESTIONS, {}, { token: reader.token })).data?.questions.totalCount).toBe(1);
    } finally {
      await replica.start();
    }
    await caughtUp();
    expect((await t.gql<{ questions: { totalCount: number } }>(QUESTIONS)).data?.questions.totalCount).toBe(1);
  });
});

import { Redis } from 'ioredis';
import { ActionLimits } from '../src/common/rate-limits.js';
import { RateLimitedException } from '../src/common/rate-limiter.js';
import { loadConfig } from '../src/config/app-config.js';
import { importBundledPolicies } from '../src/modules/policies/policy-import.js';
import { failFastRedisOptions, REDIS } from '../src/redis/redis.module.js';
import { askQuestion, createCommunity, type Person } from './forum-fixtures.js';
import { errorOf, signUp, startTestApp, type GraphQLResponse, type TestApp } from './test-app.js';

/*
 * Asking, answering, commenting, voting, following, searching and comparing policy versions
 * are limited (common/rate-limits.ts). Each limit here is 2 an hour, so a suite never races
 * the end of a window: the third attempt is refused, says when to come back, writes nothing,
 * and leaves other people's (or other addresses') budgets alone.
 */
const LOW_LIMITS = 'ask=2/1h,answer=2/1h,comment=2/1h,vote=2/1h,follow=2/1h,search=2/1h,diff=2/1h';
const HOUR = 3600;

const ASK = 'mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }';
const EDIT_QUESTION = 'mutation($input: EditQuestionInput!) { editQuestion(input: $input) { id } }';
const ANSWER = 'mutation($input: AnswerQuestionInput!) { answerQuestion(input: $input) { id } }';
const EDIT_ANSWER = 'mutation($input: EditAnswerInput!) { editAnswer(input: $input) { id } }';
const COMMENT = 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }';
const VOTE = 'mutation($input: VoteInput!) { vote(input: $input) }';
const FOLLOW = 'mutation($input: FollowInput!) { follow(input: $input) { kind } }';
const UNFOLLOW = 'mutation($input: FollowInput!) { unfollow(input: $input) }';
const SEARCH = 'query($query: String!) { search(query: $query) { totalCount } }';
const SEARCH_RESULTS = 'query($query: String!) { searchResults(query: $query) { totalCount } }';
const SIMILAR = 'query($title: String!) { similarQuestions(title: $title) { id } }';
const DIFF = '{ policyDiff(slug: "social-media-policy", from: "2.0", to: "3.0") { sections { anchor change } } }';

interface Sender {
  token?: string;
  /** Sent as X-Forwarded-For: believed only when TRUST_PROXY names the proxy (here, loopback). */
  forwardedFor?: string;
}

async function send<T = Record<string, unknown>>(t: TestApp, query: string, variables: Record<string, unknown> = {}, from: Sender = {}): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (from.token) headers.authorization = `Bearer ${from.token}`;
  if (from.forwardedFor) headers['x-forwarded-for'] = from.forwardedFor;
  const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { ...((await response.json()) as Omit<GraphQLResponse<T>, 'headers'>), headers: response.headers };
}

function expectDone(result: GraphQLResponse<unknown>): void {
  expect(result.errors).toBeUndefined();
}

/** Refused for the limit: RATE_LIMITED, the message a person reads, and a wait up to the window's end. */
function expectLimited(result: GraphQLResponse<unknown>, message: RegExp, windowSeconds = HOUR): number {
  expect(errorOf(result)).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(message) });
  expect(result.data ?? null).toBeNull();
  const retryAfter = result.errors![0].extensions!.retryAfter!;
  expect(retryAfter).toBeGreaterThan(windowSeconds - 60);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  return retryAfter;
}

async function count(t: TestApp, sql: string, params: unknown[]): Promise<number> {
  const [row] = (await t.db.query(sql, params)) as { n: number }[];
  return row.n;
}

describe('rate limits on actions, without TRUST_PROXY', () => {
  let t: TestApp;
  let communityId: string;
  let alice: Person;
  let bob: Person;
  /** Questions by other people, for answering, commenting on and voting on. */
  let questions: string[];

  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMITS: LOW_LIMITS });
    ({ communityId } = await createCommunity(t, 'rate-limits'));
    [alice, bob] = [await signUp(t, 'Alice'), await signUp(t, 'Bob')];
    questions = [];
    for (const name of ['Poster One', 'Poster Two', 'Poster Three']) {
      questions.push(await askQuestion(t, await signUp(t, name), communityId, { title: `A question asked by ${name}` }));
    }
    await importBundledPolicies(t.config);
  }, 60_000);
  afterAll(() => t.close());

  const alices = (table: string) => count(t, `SELECT count(*)::int AS n FROM ${table} WHERE author_id = $1`, [alice.id]);

  it('ask: two questions asked or edited an hour; a refused input does not count; the third writes nothing; Bob still may', async () => {
    const ask = (who: Sender, title: string) => send<{ askQuestion: { id: string } }>(t, ASK, { input: { communityId, title, body: 'Is there a policy?', tags: ['conflicts-of-interest'] } }, who);
    // Refused for its input: nothing was asked, so nothing is counted.
    expect(errorOf(await ask(alice, 'Short')).code).toBe('BAD_USER_INPUT');
    const asked = await ask(alice, 'First question from Alice');
    expectDone(asked);
    // An edit comes out of the same budget.
    expectDone(await send(t, EDIT_QUESTION, { input: { questionId: asked.data!.askQuestion.id, title: 'First question from Alice, edited' } }, alice));

    const refused = await ask(alice, 'Second question from Alice');
    const retryAfter = expectLimited(refused, /^You have asked or edited 2 questions in the last hour\. Try again in 60 minutes\.$/);
    expect(await alices('questions')).toBe(1);
    // The wait is the counter's own, as Redis keeps it.
    const redis = t.app.get<Redis>(REDIS, { strict: false });
    const ttl = await redis.pttl(`${t.config.redisPrefix}:limit:ask:account:${alice.id}`);
    expect(Math.abs(Math.ceil(ttl / 1000) - retryAfter)).toBeLessThanOrEqual(1);

    // Claiming another address changes nothing: a signed-in person is counted as themselves.
    expectLimited(await ask({ ...alice, forwardedFor: '198.51.100.7' }, 'Second question from Alice'), /asked or edited 2 questions/);
    expect(errorOf(await send(t, EDIT_QUESTION, { input: { questionId: asked.data!.askQuestion.id, title: 'Edited once more by Alice' } }, alice)).code).toBe('RATE_LIMITED');
    expectDone(await ask(bob, 'A question from Bob'));
  });

  it('answer: two answers posted or edited an hour, then nothing is written', async () => {
    const answer = (who: Sender, questionId: string) => send<{ answerQuestion: { id: string } }>(t, ANSWER, { input: { questionId, body: 'Declare it to your manager.' } }, who);
    const answered = await answer(alice, questions[0]);
    expectDone(answered);
    expectDone(await send(t, EDIT_ANSWER, { input: { answerId: answered.data!.answerQuestion.id, body: 'Declare it to your line manager.' } }, alice));
    expectLimited(await answer(alice, questions[1]), /^You have posted or edited 2 answers in the last hour\. Try again in 60 minutes\.$/);
    expect(await alices('answers')).toBe(1);
    expectLimited(await answer({ ...alice, forwardedFor: '198.51.100.8' }, questions[1]), /posted or edited 2 answers/);
    expectDone(await answer(bob, questions[1]));
  });

  it('comment: two comments an hour, then nothing is written', async () => {
    const comment = (who: Sender, body: string) => send(t, COMMENT, { input: { postId: questions[0], body } }, who);
    expectDone(await comment(alice, 'Which council is this?'));
    expectDone(await comment(alice, 'And which policy?'));
    expectLimited(await comment(alice, 'A third comment'), /^You have posted or edited 2 comments in the last hour\. Try again in 60 minutes\.$/);
    expect(await alices('comments')).toBe(2);
    expectLimited(await comment({ ...alice, forwardedFor: '198.51.100.9' }, 'A third comment'), /posted or edited 2 comments/);
    expectDone(await comment(bob, 'Bob has his own comments to make.'));
  });

  it('vote: two votes an hour, then nothing is written', async () => {
    const vote = (who: Sender, postId: string) => send(t, VOTE, { input: { postId, value: 'UP' } }, who);
    const votes = () => count(t, 'SELECT count(*)::int AS n FROM votes WHERE user_id = $1', [alice.id]);
    expectDone(await vote(alice, questions[0]));
    expectDone(await vote(alice, questions[1]));
    expectLimited(await vote(alice, questions[2]), /^You have voted 2 times in the last hour\. Try again in 60 minutes\.$/);
    expect(await votes()).toBe(2);
    expectLimited(await vote({ ...alice, forwardedFor: '198.51.100.10' }, questions[2]), /voted 2 times/);
    expectDone(await vote(bob, questions[2]));
  });

  it('follow: following and unfollowing share two an hour, then nothing is written', async () => {
    // Answering and asking add automatic follows; the ones chosen by hand are counted here.
    const follows = () => count(t, 'SELECT count(*)::int AS n FROM follows WHERE user_id = $1 AND NOT automatic', [alice.id]);
    expectDone(await send(t, FOLLOW, { input: { kind: 'COMMUNITY', targetId: communityId } }, alice));
    expectDone(await send(t, FOLLOW, { input: { kind: 'TAG', targetId: 'conflicts-of-interest' } }, alice));
    const refused = await send(t, FOLLOW, { input: { kind: 'QUESTION', targetId: questions[2] } }, alice);
    expectLimited(refused, /^You have followed or unfollowed something 2 times in the last hour\. Try again in 60 minutes\.$/);
    expect(await follows()).toBe(2);
    expectLimited(await send(t, UNFOLLOW, { input: { kind: 'COMMUNITY', targetId: communityId } }, alice), /followed or unfollowed/);
    expect(await follows()).toBe(2);
    expectLimited(await send(t, FOLLOW, { input: { kind: 'QUESTION', targetId: questions[2] } }, { ...alice, forwardedFor: '198.51.100.11' }), /followed or unfollowed/);
    expectDone(await send(t, FOLLOW, { input: { kind: 'QUESTION', targetId: questions[2] } }, bob));
  });

  it('search: two an hour per address for visitors (similar questions and searchResults included), whatever X-Forwarded-For claims; a signed-in person has their own', async () => {
    expectDone(await send(t, SEARCH, { query: 'parish councillor' }));
    // A search that finds nothing still costs the database, and counts.
    expectDone(await send(t, SIMILAR, { title: 'Nothing at all like this title' }));
    expectLimited(await send(t, SEARCH, { query: 'social media' }), /^People on your network have searched 2 times in the last hour\. Try again in 60 minutes\.$/);
    expectLimited(await send(t, SIMILAR, { title: 'Can an officer also be a parish councillor?' }), /searched 2 times/);
    expectLimited(await send(t, SEARCH_RESULTS, { query: 'social media' }), /searched 2 times/);
    // Not behind a named proxy: the header is the visitor's own claim, and ignored.
    expectLimited(await send(t, SEARCH, { query: 'social media' }, { forwardedFor: '203.0.113.50' }), /searched 2 times/);

    expectDone(await send(t, SEARCH, { query: 'social media' }, alice));
    expectDone(await send(t, SEARCH, { query: 'social media' }, alice));
    expectLimited(await send(t, SEARCH, { query: 'social media' }, alice), /^You have searched 2 times in the last hour\./);
    expectDone(await send(t, SEARCH, { query: 'social media' }, bob));
  });

  it('diff: two comparisons an hour per address for visitors, whatever X-Forwarded-For claims; a signed-in person has their own', async () => {
    const compared = await send<{ policyDiff: { sections: unknown[] } }>(t, DIFF);
    expectDone(compared);
    expect(compared.data!.policyDiff.sections.length).toBeGreaterThan(0);
    // Asking for a version that does not exist counts too.
    expect(errorOf(await send(t, '{ policyDiff(slug: "social-media-policy", from: "2.0", to: "9.0") { from { id } } }')).code).toBe('NOT_FOUND');
    expectLimited(await send(t, DIFF), /^People on your network have compared policy versions 2 times in the last hour\. Try again in 60 minutes\.$/);
    expectLimited(await send(t, DIFF, {}, { forwardedFor: '203.0.113.51' }), /compared policy versions/);

    expectDone(await send(t, DIFF, {}, alice));
    expectDone(await send(t, DIFF, {}, alice));
    expectLimited(await send(t, DIFF, {}, alice), /^You have compared policy versions 2 times/);
    expectDone(await send(t, DIFF, {}, bob));
  });

  it('a visitor is told to sign in before any write is counted', async () => {
    for (let i = 0; i < 3; i += 1) expect(errorOf(await send(t, VOTE, { input: { postId: questions[0], value: 'UP' } })).code).toBe('UNAUTHENTICATED');
  });
});

describe('rate limits on actions, with TRUST_PROXY naming the proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMITS: LOW_LIMITS, TRUST_PROXY: 'loopback' });
    await importBundledPolicies(t.config);
  }, 60_000);
  afterAll(() => t.close());

  it('counts searches and comparisons per client the proxy names', async () => {
    for (const [query, variables] of [
      [SEARCH, { query: 'parish' }],
      [DIFF, {}],
    ] as const) {
      expectDone(await send(t, query, variables, { forwardedFor: '203.0.113.10' }));
      expectDone(await send(t, query, variables, { forwardedFor: '203.0.113.10' }));
      expectLimited(await send(t, query, variables, { forwardedFor: '203.0.113.10' }), /^People on your network have/);
      // Another client of the same proxy has a budget of its own.
      expectDone(await send(t, query, variables, { forwardedFor: '203.0.113.11' }));
    }
  });
});

describe('rate limits on actions while Redis is unreachable', () => {
  it('keep counting in memory, so posting goes on and is still bounded', async () => {
    const config = loadConfig({ NODE_ENV: 'test', RATE_LIMITS: 'ask=2/1h', REDIS_PREFIX: 'pctest:rate-limits-outage' });
    // Nothing listens on port 1: the client knows at once that Redis is away.
    const redis = new Redis('redis://127.0.0.1:1', { ...failFastRedisOptions(), lazyConnect: false });
    redis.on('error', () => {});
    try {
      const limits = new ActionLimits(redis, config);
      await limits.take('ask', { account: 'someone' });
      await limits.take('ask', { account: 'someone' });
      await expect(limits.take('ask', { account: 'someone' })).rejects.toBeInstanceOf(RateLimitedException);
      await limits.take('ask', { account: 'someone else' });
      expect(redis.status).not.toBe('ready');
    } finally {
      redis.disconnect();
    }
  });
});

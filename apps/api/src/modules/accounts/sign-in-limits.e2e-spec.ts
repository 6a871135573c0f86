import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { errorOf, startTestApp, type GraphQLResponse, type TestApp } from '../../../test/test-app.js';
import { REDIS } from '../../redis/redis.module.js';
import { SIGN_IN_FIRST_DELAY_SECONDS, SIGN_IN_FREE_ATTEMPTS, SIGN_IN_MAX_DELAY_SECONDS } from './sign-in-backoff.js';

const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { token } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token } }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { token } }';
const PASSWORD = 'correct horse battery';

let counter = 0;
const freshEmail = () => `limits-${(counter += 1)}-${Date.now()}@example.org`;

/** Sends an operation as a client behind `forwardedFor` would arrive through a proxy (or claim to). */
async function gqlFrom<T>(t: TestApp, forwardedFor: string | undefined, query: string, variables: Record<string, unknown>): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (forwardedFor) headers['x-forwarded-for'] = forwardedFor;
  const response = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { ...((await response.json()) as Omit<GraphQLResponse<T>, 'headers'>), headers: response.headers };
}

const signUpFrom = (t: TestApp, forwardedFor: string | undefined, email = freshEmail()) =>
  gqlFrom<{ signUp: { token: string } }>(t, forwardedFor, SIGN_UP, { input: { email, displayName: 'Limited Person', password: PASSWORD } });

describe('sign-up is limited per client address', () => {
  describe('without TRUST_PROXY', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ SIGN_UPS_PER_ADDRESS_PER_HOUR: '3' });
    });
    afterAll(() => t.close());

    it('counts taken addresses too, and ignores a spoofed X-Forwarded-For', async () => {
      const taken = freshEmail();
      expect((await signUpFrom(t, '198.51.100.1', taken)).errors).toBeUndefined();
      // Asking about an address that has an account costs an attempt like any other.
      expect(errorOf(await signUpFrom(t, '198.51.100.2', taken))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
      expect(errorOf(await signUpFrom(t, '198.51.100.3', taken.toUpperCase()))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
      // Every request came from 127.0.0.1 whatever the header said: one bucket, now full.
      const limited = await signUpFrom(t, '198.51.100.4');
      expect(errorOf(limited)).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/Too many accounts were opened from your network/) });
      expect(limited.errors?.[0].extensions?.retryAfter).toBeGreaterThan(3500);
      expect(limited.errors?.[0].extensions?.retryAfter).toBeLessThanOrEqual(3600);
      expect((await t.db.query('SELECT count(*)::int AS n FROM users'))[0].n).toBe(1);
    });
  });

  describe('with TRUST_PROXY naming the proxy', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ SIGN_UPS_PER_ADDRESS_PER_HOUR: '2', TRUST_PROXY: 'loopback' });
    });
    afterAll(() => t.close());

    it('counts each client the proxy names on its own, an IPv6 client by its /64', async () => {
      for (const client of ['203.0.113.10', '203.0.113.11', '203.0.113.12']) expect((await signUpFrom(t, client)).errors).toBeUndefined();
      expect((await signUpFrom(t, '203.0.113.10')).errors).toBeUndefined();
      expect(errorOf(await signUpFrom(t, '203.0.113.10')).code).toBe('RATE_LIMITED');
      // Another client of the same proxy is not affected.
      expect((await signUpFrom(t, '203.0.113.11')).errors).toBeUndefined();

      expect((await signUpFrom(t, '2001:db8:1:2::1')).errors).toBeUndefined();
      expect((await signUpFrom(t, '2001:db8:1:2:ffff:ffff:ffff:fffe')).errors).toBeUndefined();
      expect(errorOf(await signUpFrom(t, '2001:db8:1:2::99')).code).toBe('RATE_LIMITED');
      expect((await signUpFrom(t, '2001:db8:1:3::1')).errors).toBeUndefined();
    });
  });
});

describe('sign-in per account: slowed down, never locked', () => {
  let t: TestApp;
  let redis: Redis;
  beforeAll(async () => {
    t = await startTestApp();
    redis = t.app.get<Redis>(REDIS, { strict: false });
  });
  afterAll(() => t.close());

  const backoffKey = (email: string) => `${t.config.redisPrefix}:sign-in-backoff:${email}`;
  /** As if the last attempt at the account was `seconds` earlier than it was. */
  const rewind = async (email: string, seconds: number) => {
    const last = Number(await redis.hget(backoffKey(email), 'last'));
    await redis.hset(backoffKey(email), 'last', String(last - seconds));
  };
  const signIn = (email: string, password: string, forwardedFor?: string) => gqlFrom<{ signIn: { token: string } }>(t, forwardedFor, SIGN_IN, { input: { email, password } });
  const retryAfter = (result: GraphQLResponse<unknown>) => {
    expect(errorOf(result).code).toBe('RATE_LIMITED');
    return result.errors?.[0].extensions?.retryAfter as number;
  };
  async function account(): Promise<{ email: string; id: string }> {
    const email = freshEmail();
    const result = await t.gql<{ signUp: { user: { id: string } } }>('mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
      input: { email, displayName: 'Owner', password: PASSWORD },
    });
    return { email, id: result.data!.signUp.user.id };
  }
  /** Clears the per-address counter, which these many attempts from 127.0.0.1 would otherwise fill. */
  const forgetNetwork = async () => {
    const keys = await redis.keys(`${t.config.redisPrefix}:rate:sign-in-ip:*`);
    if (keys.length) await redis.del(...keys);
  };
  beforeEach(forgetNetwork);

  it(`allows ${SIGN_IN_FREE_ATTEMPTS} wrong passwords, then makes each further attempt wait, twice as long each time`, async () => {
    const { email } = await account();
    for (let i = 0; i < SIGN_IN_FREE_ATTEMPTS; i += 1) expect(errorOf(await signIn(email, `wrong ${i}`)).code).toBe('UNAUTHENTICATED');
    const first = retryAfter(await signIn(email, 'wrong again'));
    expect(first).toBeGreaterThan(0);
    expect(first).toBeLessThanOrEqual(SIGN_IN_FIRST_DELAY_SECONDS);
    // The owner's right password waits too: it is not even checked while waiting.
    expect(retryAfter(await signIn(email, PASSWORD))).toBeLessThanOrEqual(SIGN_IN_FIRST_DELAY_SECONDS);

    await rewind(email, SIGN_IN_FIRST_DELAY_SECONDS);
    expect(errorOf(await signIn(email, 'wrong after waiting')).code).toBe('UNAUTHENTICATED');
    const second = retryAfter(await signIn(email, 'wrong again'));
    expect(second).toBeGreaterThan(SIGN_IN_FIRST_DELAY_SECONDS);
    expect(second).toBeLessThanOrEqual(2 * SIGN_IN_FIRST_DELAY_SECONDS);

    // After the wait, the owner's password signs in and the slate is clean.
    await rewind(email, 2 * SIGN_IN_FIRST_DELAY_SECONDS);
    expect((await signIn(email, PASSWORD)).data?.signIn.token).toBeTruthy();
    expect(await redis.exists(backoffKey(email))).toBe(0);
    expect(errorOf(await signIn(email, 'a typo')).code).toBe('UNAUTHENTICATED');
  });

  it('does not let a stranger make the wait longer by hammering, nor past 15 minutes', async () => {
    const { email } = await account();
    for (let i = 0; i < SIGN_IN_FREE_ATTEMPTS; i += 1) await signIn(email, `wrong ${i}`, undefined);
    const waits: number[] = [];
    for (let i = 0; i < 20; i += 1) waits.push(retryAfter(await signIn(email, `hammer ${i}`)));
    expect(Math.max(...waits)).toBeLessThanOrEqual(SIGN_IN_FIRST_DELAY_SECONDS);
    expect(await redis.hget(backoffKey(email), 'failures')).toBe(String(SIGN_IN_FREE_ATTEMPTS));

    // However many failures pile up over a day, one attempt waits at most the cap.
    await redis.hset(backoffKey(email), 'failures', '60');
    const capped = retryAfter(await signIn(email, PASSWORD));
    expect(capped).toBeGreaterThan(SIGN_IN_MAX_DELAY_SECONDS - 60);
    expect(capped).toBeLessThanOrEqual(SIGN_IN_MAX_DELAY_SECONDS);
  });

  it('is lifted at once by a password reset from an emailed link', async () => {
    const { email, id } = await account();
    for (let i = 0; i <= SIGN_IN_FREE_ATTEMPTS; i += 1) await signIn(email, `wrong ${i}`);
    expect(errorOf(await signIn(email, PASSWORD)).code).toBe('RATE_LIMITED');
    const token = 'a-link-from-the-owners-mailbox';
    await t.db.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [
      id,
      createHash('sha256').update(token).digest('hex'),
    ]);
    expect((await t.gql(RESET, { input: { token, newPassword: 'the owner’s new passphrase' } })).errors).toBeUndefined();
    expect((await signIn(email, 'the owner’s new passphrase')).data?.signIn.token).toBeTruthy();
  });

  it('answers an address without an account exactly as one with an account', async () => {
    const { email } = await account();
    const nobody = freshEmail();
    for (let i = 0; i < SIGN_IN_FREE_ATTEMPTS; i += 1) {
      expect(errorOf(await signIn(nobody, `wrong ${i}`))).toEqual(errorOf(await signIn(email, `wrong ${i}`)));
    }
    const [a, b] = [await signIn(nobody, 'x'), await signIn(email, 'x')];
    expect(errorOf(a)).toEqual(errorOf(b));
  });

  it('still limits attempts per client address, across accounts', async () => {
    for (let i = 0; i < 50; i += 1) await signIn(freshEmail(), 'guessing');
    expect(retryAfter(await signIn(freshEmail(), 'guessing'))).toBeGreaterThan(0);
    // A spoofed header does not start a new bucket (TRUST_PROXY is not set).
    expect(errorOf(await signIn(freshEmail(), 'guessing', '192.0.2.99')).code).toBe('RATE_LIMITED');
  });
});

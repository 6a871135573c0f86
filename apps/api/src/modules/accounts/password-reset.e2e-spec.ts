import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { simpleParser } from 'mailparser';
import { digestQueue, drainDigestsInProcess, startMailSink } from '../../../test/digest-helpers.js';
import { errorOf, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';
import { REDIS } from '../../redis/redis.module.js';
import type { MailSink } from '../digests/mail-sink.js';

const REQUEST = 'mutation($email: String!) { requestPasswordReset(email: $email) }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { token user { id displayName } } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token } }';
const ME = '{ me { email } }';
const OLD_PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a much better passphrase';

describe('resetting a forgotten password', () => {
  let t: TestApp;
  let sink: MailSink;

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`, PUBLIC_URL: 'https://forum.example.org' });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });
  beforeEach(() => sink.clear());

  const request = (email: string) => t.gql<{ requestPasswordReset: boolean }>(REQUEST, { email });

  /** Forgets the per-network counter, so each test starts with the whole allowance. */
  async function resetNetworkLimit(): Promise<void> {
    const redis = t.app.get<Redis>(REDIS, { strict: false });
    const keys = await redis.keys(`${t.config.redisPrefix}:rate:password-reset-ip:*`);
    if (keys.length) await redis.del(...keys);
  }

  async function mailedLink(to: string): Promise<{ token: string; html: string; text: string }> {
    await drainDigestsInProcess(t);
    expect(sink.messages.map((m) => m.envelopeTo)).toEqual([[to]]);
    const mail = await simpleParser(sink.messages[0].raw);
    expect(mail.subject).toBe('Set a new password for Policy Commons');
    const token = /https:\/\/forum\.example\.org\/reset-password\/([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    expect(token).toBeDefined();
    return { token: token as string, html: typeof mail.html === 'string' ? mail.html : '', text: mail.text ?? '' };
  }

  it('answers the same, at the same cost, whether or not the address has an account; only an account gets mail', async () => {
    await resetNetworkLimit();
    const person = await signUp(t, 'Robin <b>& Co');
    let before = t.statements();
    const known = await request(`  ${person.email.toUpperCase()} `);
    const knownStatements = t.statements() - before;
    before = t.statements();
    const unknown = await request('nobody-here@example.org');
    const unknownStatements = t.statements() - before;
    expect(known.errors).toBeUndefined();
    expect(known.data).toEqual(unknown.data);
    expect(known.data?.requestPasswordReset).toBe(true);
    expect(knownStatements).toBe(unknownStatements);
    expect(knownStatements).toBe(1);

    // The job carries an id, never the token or the address.
    const jobs = await digestQueue(t).getJobs(['waiting']);
    expect(jobs.map((j) => [j.name, Object.keys(j.data)])).toEqual([['send-password-reset', ['resetId']]]);

    const { token, html, text } = await mailedLink(person.email);
    // The person's own words are escaped in the HTML part.
    expect(html).toContain('Robin &lt;b&gt;&amp; Co');
    expect(html).not.toContain('<b>&');
    expect(text).toContain('Hello Robin <b>& Co,');
    // Only a hash of the token is kept.
    const stored = (await t.db.query(
      'SELECT token_hash AS "tokenHash", extract(epoch FROM expires_at - created_at)::int AS "validSeconds" FROM password_resets WHERE user_id = $1',
      [person.id],
    )) as { tokenHash: string; validSeconds: number }[];
    expect(stored).toEqual([{ tokenHash: createHash('sha256').update(token).digest('hex'), validSeconds: 3600 }]);
  });

  it('sets the new password once: every other session ends, the link stops working', async () => {
    await resetNetworkLimit();
    const person = await signUp(t, 'Pat Forgetful');
    await request(person.email);
    const { token } = await mailedLink(person.email);

    // A password that breaks the sign-up rule is refused, and the link still works after.
    expect(errorOf(await t.gql(RESET, { input: { token, newPassword: 'short' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect((await t.gql(ME, {}, person)).data?.me).toEqual({ email: person.email });

    const reset = await t.gql<{ resetPassword: { token: string; user: { id: string; displayName: string } } }>(RESET, { input: { token, newPassword: NEW_PASSWORD } });
    expect(reset.errors).toBeUndefined();
    expect(reset.data?.resetPassword.user).toEqual({ id: person.id, displayName: 'Pat Forgetful' });
    expect(reset.headers.get('set-cookie') ?? '').toMatch(/pc_session=[^;]+/);
    expect((await t.gql(ME, {}, { token: reset.data?.resetPassword.token })).data?.me).toEqual({ email: person.email });
    // The session from before the reset is over.
    expect((await t.gql(ME, {}, person)).data?.me).toBeNull();
    expect(errorOf(await t.gql(SIGN_IN, { input: { email: person.email, password: OLD_PASSWORD } })).code).toBe('UNAUTHENTICATED');
    expect((await t.gql(SIGN_IN, { input: { email: person.email, password: NEW_PASSWORD } })).data).toBeTruthy();

    const again = errorOf(await t.gql(RESET, { input: { token, newPassword: 'yet another passphrase' } }));
    expect(again).toEqual({ code: 'BAD_USER_INPUT', field: 'token', message: 'This reset link has expired or was already used. Ask for a new one.' });
    expect((await t.gql(SIGN_IN, { input: { email: person.email, password: NEW_PASSWORD } })).data).toBeTruthy();
  });

  it('refuses unknown and expired links in plain words, changing nothing', async () => {
    const person = await signUp(t, 'Kim Late');
    const unknown = errorOf(await t.gql(RESET, { input: { token: 'not-a-token-we-ever-sent', newPassword: NEW_PASSWORD } }));
    expect(unknown).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    const expiredToken = 'an-expired-token-for-kim';
    await t.db.query(
      `INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) VALUES ($1, $2, now() - interval '2 hours', now() - interval '1 hour')`,
      [person.id, createHash('sha256').update(expiredToken).digest('hex')],
    );
    const expired = errorOf(await t.gql(RESET, { input: { token: expiredToken, newPassword: NEW_PASSWORD } }));
    expect(expired).toEqual(unknown);
    expect(expired.message).toBe('This reset link has expired or was already used. Ask for a new one.');
    expect((await t.gql(ME, {}, person)).data?.me).toEqual({ email: person.email });
    expect((await t.gql(SIGN_IN, { input: { email: person.email, password: OLD_PASSWORD } })).data).toBeTruthy();
  });

  it('sends nothing to an account erased before the mail went out', async () => {
    await resetNetworkLimit();
    const person = await signUp(t, 'Eli Leaving');
    await request(person.email);
    expect((await t.gql('mutation($p: String!) { deleteMyAccount(password: $p) }', { p: OLD_PASSWORD }, person)).errors).toBeUndefined();
    await drainDigestsInProcess(t);
    expect(sink.messages).toEqual([]);
    // And asking again for the old address mails nobody.
    await request(person.email);
    await drainDigestsInProcess(t);
    expect(sink.messages).toEqual([]);
  });

  it('limits links per address and per network, the same for addresses without an account', async () => {
    await resetNetworkLimit();
    const person = await signUp(t, 'Lee Impatient');
    for (const email of [person.email, 'no-account@example.org']) {
      for (let i = 0; i < 3; i += 1) expect((await request(email)).data?.requestPasswordReset).toBe(true);
      const limited = errorOf(await request(email.toUpperCase()));
      expect(limited.code).toBe('RATE_LIMITED');
      expect(limited.message).toMatch(/wait an hour/);
    }
    const limited = (await request(person.email)).errors?.[0].extensions?.retryAfter;
    expect(limited).toBeGreaterThan(3500);
    expect(limited).toBeLessThanOrEqual(3600);

    await resetNetworkLimit();
    for (let i = 0; i < 20; i += 1) expect((await request(`someone-${i}@example.org`)).data?.requestPasswordReset).toBe(true);
    expect(errorOf(await request('one-more@example.org')).code).toBe('RATE_LIMITED');
  });

  it('refuses something that is not an email address', async () => {
    expect(errorOf(await request('not an address'))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });
});

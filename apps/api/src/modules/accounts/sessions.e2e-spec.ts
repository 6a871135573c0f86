import { createHash } from 'node:crypto';
import { errorOf, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const ME = '{ me { email } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token } }';
const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
const EVERYWHERE = 'mutation { signOutEverywhere }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { token } }';
const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'a different long passphrase';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sessions: lifetimes, changing the password, signing out everywhere', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const me = async (token: string) => (await t.gql<{ me: { email: string } | null }>(ME, {}, { token })).data?.me ?? null;
  const signIn = async (email: string, password = PASSWORD) => {
    const result = await t.gql<{ signIn: { token: string } }>(SIGN_IN, { input: { email, password } });
    return result.data?.signIn.token;
  };
  const sessionOf = async (token: string) => {
    const [row] = (await t.db.query(
      `SELECT id, last_seen_at AS "lastSeenAt", extract(epoch FROM expires_at - created_at)::int AS "lifetimeSeconds" FROM sessions WHERE token_hash = $1`,
      [sha256(token)],
    )) as { id: string; lastSeenAt: Date; lifetimeSeconds: number }[];
    return row;
  };
  /** Moves a session back in time, as if it had started `startedDaysAgo` and was last used `seenAgo` ago. */
  const age = (token: string, startedDaysAgo: number, seenAgo: string) =>
    t.db.query(
      `UPDATE sessions SET created_at = now() - make_interval(days => $2), expires_at = now() - make_interval(days => $2) + interval '60 days',
              last_seen_at = now() - $3::interval WHERE token_hash = $1`,
      [sha256(token), startedDaysAgo, seenAgo],
    );

  describe('lifetimes', () => {
    it('ends 60 days after it started, however recently it was used', async () => {
      const { token } = await signUp(t);
      expect((await sessionOf(token)).lifetimeSeconds).toBe(60 * 24 * 3600);
      await age(token, 59, '1 minute');
      expect(await me(token)).not.toBeNull();
      await age(token, 61, '1 minute');
      expect(await me(token)).toBeNull();
    });

    it('ends after 14 days without use', async () => {
      const { token } = await signUp(t);
      await age(token, 20, '13 days 23 hours');
      expect(await me(token)).not.toBeNull();
      // That use counted: the session is good for another 14 days.
      expect(Date.now() - (await sessionOf(token)).lastSeenAt.getTime()).toBeLessThan(60_000);

      await age(token, 20, '14 days 1 minute');
      expect(await me(token)).toBeNull();
      // A refused token is not revived by trying it.
      expect(Date.now() - (await sessionOf(token)).lastSeenAt.getTime()).toBeGreaterThan(14 * 24 * 3600 * 1000);
      expect(await me(token)).toBeNull();
    });

    it('records a use at most once per 10 minutes, in the same single statement', async () => {
      const { token } = await signUp(t);
      await age(token, 1, '5 minutes');
      const { lastSeenAt: before } = await sessionOf(token);
      let count = t.statements();
      expect(await me(token)).not.toBeNull();
      const recentStatements = t.statements() - count;
      expect((await sessionOf(token)).lastSeenAt).toEqual(before);

      await age(token, 1, '11 minutes');
      count = t.statements();
      expect(await me(token)).not.toBeNull();
      const staleStatements = t.statements() - count;
      expect(Date.now() - (await sessionOf(token)).lastSeenAt.getTime()).toBeLessThan(60_000);
      // The session lookup and `me` itself, whether or not the use was written down.
      expect(recentStatements).toBe(2);
      expect(staleStatements).toBe(recentStatements);
    });

    it('sweeps the person’s ended sessions when a new one starts', async () => {
      const person = await signUp(t);
      const old = (await signIn(person.email)) as string;
      await age(old, 61, '1 minute');
      const idle = (await signIn(person.email)) as string;
      await age(idle, 20, '15 days');
      await signIn(person.email);
      expect(await sessionOf(old)).toBeUndefined();
      expect(await sessionOf(idle)).toBeUndefined();
      expect(await me(person.token)).not.toBeNull();
    });
  });

  describe('changePassword', () => {
    it('checks the current password, keeps this session and ends every other one', async () => {
      const person = await signUp(t, 'Careful Changer');
      const laptop = (await signIn(person.email)) as string;
      const phone = (await signIn(person.email)) as string;
      const resetToken = 'an-open-reset-link-for-the-changer';
      await t.db.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [person.id, sha256(resetToken)]);

      const wrong = await t.gql(CHANGE, { input: { currentPassword: 'not my password', newPassword: NEW_PASSWORD } }, { token: laptop });
      expect(errorOf(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword', message: 'That is not your current password.' });
      expect(errorOf(await t.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: 'short' } }, { token: laptop }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'newPassword',
      });
      expect(errorOf(await t.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: PASSWORD } }, { token: laptop }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'newPassword',
      });
      // Refused changes changed nothing.
      for (const token of [person.token, laptop, phone]) expect(await me(token)).not.toBeNull();
      expect(await signIn(person.email, PASSWORD)).toBeTruthy();

      const changed = await t.gql<{ changePassword: boolean }>(CHANGE, { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }, { token: laptop });
      expect(changed.errors).toBeUndefined();
      expect(changed.data?.changePassword).toBe(true);
      expect(await me(laptop)).toEqual({ email: person.email });
      expect(await me(phone)).toBeNull();
      expect(await me(person.token)).toBeNull();
      expect(errorOf(await t.gql(SIGN_IN, { input: { email: person.email, password: PASSWORD } })).code).toBe('UNAUTHENTICATED');
      expect(await signIn(person.email, NEW_PASSWORD)).toBeTruthy();
      // A reset link mailed before the change no longer works.
      expect(errorOf(await t.gql(RESET, { input: { token: resetToken, newPassword: 'yet another passphrase' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'token' });
    });

    it('limits wrong current passwords per account, shared with deleting the account', async () => {
      const person = await signUp(t);
      await t.gql('mutation($p: String!) { deleteMyAccount(password: $p) }', { p: 'wrong guess 0' }, person);
      for (let i = 1; i < 5; i += 1) {
        expect(errorOf(await t.gql(CHANGE, { input: { currentPassword: `wrong guess ${i}`, newPassword: NEW_PASSWORD } }, person)).code).toBe('BAD_USER_INPUT');
      }
      const limited = await t.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } }, person);
      expect(errorOf(limited).code).toBe('RATE_LIMITED');
      expect(limited.errors?.[0].extensions?.retryAfter).toBeGreaterThan(0);
      expect(await signIn(person.email, PASSWORD)).toBeTruthy();
    });

    it('refuses anonymous visitors', async () => {
      expect(errorOf(await t.gql(CHANGE, { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('signOutEverywhere', () => {
    it('ends every session of the person, this one included, and clears the cookie', async () => {
      const person = await signUp(t);
      const other = (await signIn(person.email)) as string;
      const bystander = await signUp(t);

      const result = await t.gql<{ signOutEverywhere: boolean }>(EVERYWHERE, {}, person);
      expect(result.errors).toBeUndefined();
      expect(result.data?.signOutEverywhere).toBe(true);
      expect(result.headers.get('set-cookie') ?? '').toMatch(/pc_session=;.*Expires=Thu, 01 Jan 1970/i);
      expect(await me(person.token)).toBeNull();
      expect(await me(other)).toBeNull();
      expect((await t.db.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [person.id]))[0].n).toBe(0);
      // Nobody else is signed out.
      expect(await me(bystander.token)).not.toBeNull();
      // The password still works: only the sessions ended.
      expect(await signIn(person.email)).toBeTruthy();
    });

    it('refuses anonymous visitors and a session that already ended', async () => {
      expect(errorOf(await t.gql(EVERYWHERE)).code).toBe('UNAUTHENTICATED');
      const person = await signUp(t);
      await t.gql('mutation { signOut }', {}, person);
      expect(errorOf(await t.gql(EVERYWHERE, {}, person)).code).toBe('UNAUTHENTICATED');
    });
  });

  it('a password reset ends every session', async () => {
    const person = await signUp(t);
    const other = (await signIn(person.email)) as string;
    const resetToken = 'a-reset-link-that-ends-sessions';
    await t.db.query(`INSERT INTO password_resets (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [person.id, sha256(resetToken)]);
    const reset = await t.gql<{ resetPassword: { token: string } }>(RESET, { input: { token: resetToken, newPassword: NEW_PASSWORD } });
    expect(reset.errors).toBeUndefined();
    expect(await me(person.token)).toBeNull();
    expect(await me(other)).toBeNull();
    expect(await me(reset.data!.resetPassword.token)).toEqual({ email: person.email });
  });
});

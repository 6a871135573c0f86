import { errorOf, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';

const SIGN_UP = 'mutation($input: SignUpInput!) { signUp(input: $input) { token user { id displayName } } }';
const SIGN_IN = 'mutation($input: SignInInput!) { signIn(input: $input) { token user { id } } }';
const ME = '{ me { email role user { id displayName affiliations { role organisation { slug name } } } } }';

describe('accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ('county-council', 'Shireford County Council'), ('parish-council', 'Little Ashby Parish Council')`);
  });
  afterAll(() => t.close());

  it('signs up, sets an httpOnly SameSite cookie and returns a bearer token', async () => {
    const result = await t.gql<{ signUp: { token: string; user: { displayName: string } } }>(SIGN_UP, {
      input: { email: 'Dana@Example.org', displayName: 'Dana', password: 'long enough pass' },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.signUp.user.displayName).toBe('Dana');
    const cookie = result.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pc_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const viaBearer = await t.gql<{ me: { email: string; role: string } }>(ME, {}, { token: result.data?.signUp.token });
    expect(viaBearer.data?.me).toMatchObject({ email: 'dana@example.org', role: 'MEMBER' });
    const viaCookie = await t.gql<{ me: { email: string } }>(ME, {}, { cookie: cookie.split(';')[0] });
    expect(viaCookie.data?.me.email).toBe('dana@example.org');
  });

  it('stores a memory-hard hash, never the password', async () => {
    const [row] = (await t.db.query(`SELECT password_hash FROM users WHERE email = 'dana@example.org'`)) as { password_hash: string }[];
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('long enough pass');
  });

  it.each([
    [{ email: 'not-an-email', displayName: 'X', password: 'long enough pass' }, 'email'],
    [{ email: 'a@example.org', displayName: '   ', password: 'long enough pass' }, 'displayName'],
    [{ email: 'a@example.org', displayName: 'X', password: 'short' }, 'password'],
  ])('refuses sign-up input %j naming the field', async (input, field) => {
    const error = errorOf(await t.gql(SIGN_UP, { input }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses a second account for the same email, whatever its case', async () => {
    const error = errorOf(await t.gql(SIGN_UP, { input: { email: 'DANA@example.org', displayName: 'Dana 2', password: 'long enough pass' } }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
  });

  it('signs in, and never reveals whether an email has an account', async () => {
    const ok = await t.gql<{ signIn: { token: string } }>(SIGN_IN, { input: { email: 'dana@example.org', password: 'long enough pass' } });
    expect(ok.data?.signIn.token).toBeTruthy();
    const wrongPassword = errorOf(await t.gql(SIGN_IN, { input: { email: 'dana@example.org', password: 'wrong password!' } }));
    const noAccount = errorOf(await t.gql(SIGN_IN, { input: { email: 'nobody@example.org', password: 'wrong password!' } }));
    expect(wrongPassword.code).toBe('UNAUTHENTICATED');
    expect(noAccount).toEqual(wrongPassword);
  });

  it('limits repeated sign-in attempts per account with RATE_LIMITED and a retry time', async () => {
    const { email } = await signUp(t);
    let last;
    for (let i = 0; i < 11; i += 1) last = await t.gql(SIGN_IN, { input: { email, password: 'not the password' } });
    const error = last!.errors![0];
    expect(error.extensions?.code).toBe('RATE_LIMITED');
    expect(error.extensions?.retryAfter).toBeGreaterThan(0);
  });

  it('signs out: the session stops working', async () => {
    const { token } = await signUp(t);
    expect((await t.gql<{ me: unknown }>(ME, {}, { token })).data?.me).not.toBeNull();
    const out = await t.gql<{ signOut: boolean }>('mutation { signOut }', {}, { token });
    expect(out.data?.signOut).toBe(true);
    expect((await t.gql<{ me: unknown }>(ME, {}, { token })).data?.me).toBeNull();
  });

  it('declares several affiliations, shown on the profile in order', async () => {
    const { token, id } = await signUp(t, 'Dual Role');
    const SET = 'mutation($input: [AffiliationInput!]!) { setAffiliations(input: $input) { id affiliations { role organisation { slug } } } }';
    const result = await t.gql<{ setAffiliations: { affiliations: { role: string; organisation: { slug: string } }[] } }>(
      SET,
      {
        input: [
          { organisationSlug: 'county-council', role: 'employee' },
          { organisationSlug: 'parish-council', role: 'parish councillor' },
        ],
      },
      { token },
    );
    expect(result.data?.setAffiliations.affiliations).toEqual([
      { role: 'employee', organisation: { slug: 'county-council' } },
      { role: 'parish councillor', organisation: { slug: 'parish-council' } },
    ]);
    const profile = await t.gql<{ user: { affiliations: unknown[] } }>('query($id: ID!) { user(id: $id) { affiliations { role } } }', { id });
    expect(profile.data?.user.affiliations).toHaveLength(2);

    expect(errorOf(await t.gql(SET, { input: [{ organisationSlug: 'nowhere', role: 'x' }] }, { token }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'organisationSlug',
    });
    const twice = [
      { organisationSlug: 'county-council', role: 'employee' },
      { organisationSlug: 'county-council', role: 'Employee' },
    ];
    expect(errorOf(await t.gql(SET, { input: twice }, { token })).code).toBe('BAD_USER_INPUT');
    expect(errorOf(await t.gql(SET, { input: [] })).code).toBe('UNAUTHENTICATED');
    // A refused change leaves the declared list as it was.
    expect((await t.gql<{ user: { affiliations: unknown[] } }>('query($id: ID!) { user(id: $id) { affiliations { role } } }', { id })).data?.user.affiliations).toHaveLength(2);
  });

  it.each([
    ['a blank role', [{ organisationSlug: 'county-council', role: '   ' }], 'role', 'Role cannot be blank.'],
    ['an empty role', [{ organisationSlug: 'county-council', role: '' }], 'role', 'Role cannot be blank.'],
    ['a role too long', [{ organisationSlug: 'county-council', role: 'x'.repeat(81) }], 'role', 'Role must be 1 to 80 characters.'],
    ['a role with a NUL', [{ organisationSlug: 'county-council', role: 'clerk\u0000' }], 'role', 'Role cannot contain control characters such as line breaks.'],
    ['an empty organisation', [{ organisationSlug: '', role: 'clerk' }], 'organisationSlug', undefined],
    [
      'a blank role after a good one',
      [
        { organisationSlug: 'county-council', role: 'employee' },
        { organisationSlug: 'parish-council', role: ' ' },
      ],
      'role',
      'Role cannot be blank. (item 2 of 2)',
    ],
  ])('refuses affiliations with %s as BAD_USER_INPUT naming the field, changing nothing', async (_what, input, field, message) => {
    const { token, id } = await signUp(t, 'Careless Declarer');
    const SET = 'mutation($input: [AffiliationInput!]!) { setAffiliations(input: $input) { id } }';
    expect((await t.gql(SET, { input: [{ organisationSlug: 'county-council', role: 'clerk' }] }, { token })).errors).toBeUndefined();
    const error = errorOf(await t.gql(SET, { input }, { token }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    if (message) expect(error.message).toBe(message);
    const profile = await t.gql<{ user: { affiliations: unknown[] } }>('query($id: ID!) { user(id: $id) { affiliations { role } } }', { id });
    expect(profile.data?.user.affiliations).toEqual([{ role: 'clerk' }]);
  });

  it('refuses control characters in a display name and an email that cannot be one, without touching the database', async () => {
    expect(errorOf(await t.gql(SIGN_UP, { input: { email: 'nul@example.org', displayName: 'Nul\u0000Name', password: 'long enough pass' } }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'displayName',
    });
    expect(errorOf(await t.gql(SIGN_IN, { input: { email: 'nul\u0000@example.org', password: 'long enough pass' } }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    expect(errorOf(await t.gql('mutation($email: String!) { requestPasswordReset(email: $email) }', { email: 'nul\u0000@example.org' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'email',
    });
  });

  it('lists organisations and answers null for an unknown user', async () => {
    const result = await t.gql<{ organisations: { slug: string }[]; user: null }>('{ organisations { slug } user(id: "nope") { id } }');
    // Ordered by name: "Little Ashby…" before "Shireford…".
    expect(result.data?.organisations.map((o) => o.slug)).toEqual(['parish-council', 'county-council']);
    expect(result.data?.user).toBeNull();
  });
});

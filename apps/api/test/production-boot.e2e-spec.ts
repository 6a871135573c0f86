import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { signUnsubscribeToken } from '../src/modules/digests/unsubscribe-token.js';
import { apiDir, freePort, spawnApi, stopApi, waitForHealth, type ApiProcess } from './api-process.js';
import { createDatabaseFromTemplate, dropDatabase } from './test-databases.js';

const REQUIRED = ['APP_SECRET', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM'];
const services = () => ({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/unused', REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });

/** Runs an entry point with exactly this environment (no NODE_ENV unless given) and returns how it ended. */
function runEntry(entry: string, env: Record<string, string>) {
  const result = spawnSync(process.execPath, [entry], { cwd: apiDir, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('starting in production', () => {
  it.each([
    ['the api with NODE_ENV unset', 'dist/main.js', {}],
    ['the api with NODE_ENV=production', 'dist/main.js', { NODE_ENV: 'production' }],
    ['the worker with NODE_ENV unset', 'dist/worker.js', {}],
  ])('refuses %s without APP_SECRET, PUBLIC_URL, SMTP_URL and MAIL_FROM, naming each', (_, entry, env: Record<string, string>) => {
    const { status, output } = runEntry(entry, { ...services(), ...env });
    expect(status).toBe(1);
    for (const variable of REQUIRED) expect(output).toContain(`${variable} is required in production`);
    // One clear paragraph, not a stack trace.
    expect(output).not.toMatch(/\n\s+at /);
  });

  it('refuses when any one of them is missing', () => {
    const complete = { ...services(), APP_SECRET: 's'.repeat(40), PUBLIC_URL: 'https://forum.example.org', SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'Forum <forum@example.org>' };
    for (const variable of REQUIRED) {
      const env: Record<string, string> = { ...complete };
      delete env[variable];
      const { status, output } = runEntry('dist/main.js', env);
      expect(status).toBe(1);
      expect(output).toContain(`${variable} is required in production`);
    }
  });
});

describe('an api started with NODE_ENV unset', () => {
  const name = `pc_test_unset_env_${process.pid}_${randomBytes(3).toString('hex')}`;
  const prefix = `pctest:${name}`;
  let api: ApiProcess;

  beforeAll(async () => {
    const port = await freePort();
    api = spawnApi(
      {
        ...services(),
        DATABASE_URL: await createDatabaseFromTemplate(name),
        REDIS_PREFIX: prefix,
        RUN_MIGRATIONS: 'false',
        WEB_DIST_DIR: '/nonexistent',
        APP_SECRET: 'a-real-production-secret-0123456789abcdef',
        // Plain http on purpose: the cookie is Secure because this is production, not because of the URL.
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        SMTP_URL: 'smtp://127.0.0.1:2525',
        MAIL_FROM: 'Policy Commons <digest@forum.example.org>',
      },
      port,
    );
    await waitForHealth(api, 90_000);
  });
  afterAll(async () => {
    if (api) await stopApi(api);
    await dropDatabase(name);
    const redis = new Redis(services().REDIS_URL);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    return { response, body: (await response.json()) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
  };

  it('serves no GraphiQL or landing page', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    const text = await response.text();
    expect(response.headers.get('content-type') ?? '').not.toContain('text/html');
    expect(text).not.toMatch(/graphiql|sandbox|<html/i);
  });

  it('answers no introspection', async () => {
    const { body } = await gql('{ __schema { types { name } } }');
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0].message).toMatch(/introspection/i);
  });

  it('shows no stack traces or internals in errors', async () => {
    for (const query of ['{ questions { nope } }', 'mutation { askQuestion(input: { communityId: "x", title: "short", body: "", tags: [] }) { id } }', 'mutation { signIn(input: { email: "nobody@example.org", password: "wrong password" }) { token } }']) {
      const { body } = await gql(query);
      expect(body.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(body.errors)).not.toMatch(/stacktrace|exception|at .*\.js:\d+|node_modules/i);
    }
  });

  let userId: string;

  it('marks the session cookie Secure', async () => {
    const { response, body } = await gql('mutation($input: SignUpInput!) { signUp(input: $input) { user { id } } }', {
      input: { email: 'unset-env@example.org', displayName: 'Unset', password: 'long enough pass' },
    });
    expect(body.errors).toBeUndefined();
    userId = (body.data as { signUp: { user: { id: string } } }).signUp.user.id;
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^pc_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
  });

  it('does not accept links signed with the development secret', async () => {
    const forged = signUnsubscribeToken('policy-commons-development-secret-not-for-production', userId);
    expect((await fetch(`${api.url}/unsubscribe/${forged}`)).status).toBe(400);
    const genuine = signUnsubscribeToken('a-real-production-secret-0123456789abcdef', userId);
    expect((await fetch(`${api.url}/unsubscribe/${genuine}`)).status).toBe(200);
  });
});

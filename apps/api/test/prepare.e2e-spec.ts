import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoAccounts } from '../src/seed/demo-content.js';
import { databaseUrl, dropDatabase, withAdminClient } from './test-databases.js';

const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function prepare(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['dist/cli/prepare.js'], {
    cwd: apiDir,
    env: { ...process.env, NODE_ENV: 'development', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const exists = (name: string) =>
  withAdminClient(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount === 1);

/** What `npm start` runs before serving: the set-up a newcomer depends on. */
describe('prepare (npm start’s set-up step)', () => {
  const name = `pc_test_prepare_${process.pid}_${randomBytes(3).toString('hex')}`;
  afterAll(async () => {
    await dropDatabase(name);
    await dropDatabase(`${name}_prod`);
  });

  it('stops with one clear paragraph when Redis does not answer, creating nothing', () => {
    const { status, output } = prepare({ DATABASE_URL: databaseUrl(name), REDIS_URL: 'redis://127.0.0.1:1' });
    expect(status).toBe(1);
    expect(output).toContain('could not reach Redis at redis://127.0.0.1:1');
    expect(output).toContain('docker compose up -d redis');
    expect(output).toContain('Nothing was created.');
    return expect(exists(name)).resolves.toBe(false);
  });

  it('stops with one clear paragraph when PostgreSQL does not answer', () => {
    const { status, output } = prepare({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/whatever' });
    expect(status).toBe(1);
    expect(output).toContain('could not reach PostgreSQL at postgres://postgres@127.0.0.1:1/whatever');
    expect(output).toContain('docker compose up -d postgres');
  });

  it('names every bad setting', () => {
    const { status, output } = prepare({ PORT: 'eighty', REDIS_URL: 'http://nope' });
    expect(status).toBe(1);
    expect(output).toContain('PORT');
    expect(output).toContain('REDIS_URL must be a URL like redis://127.0.0.1:6379');
  });

  it('creates, migrates and seeds the demo once', async () => {
    const first = prepare({ DATABASE_URL: databaseUrl(name) });
    expect(first.output).toContain(`Created database ${name}`);
    expect(first.output).toContain('Seeded the demo');
    expect(first.status).toBe(0);
    const second = prepare({ DATABASE_URL: databaseUrl(name) });
    expect(second.status).toBe(0);
    expect(second.output).toContain('Demo data is already there.');
    const counts = await withAdminClient(async () => {
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: databaseUrl(name) });
      await client.connect();
      try {
        return (await client.query(`SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM questions)::int AS questions`)).rows[0];
      } finally {
        await client.end();
      }
    });
    expect(counts).toEqual({ users: Object.keys(demoAccounts).length, questions: 2 });
  });

  it('never creates demo accounts or imports the demo policies outside development', async () => {
    const production = {
      DATABASE_URL: databaseUrl(`${name}_prod`),
      NODE_ENV: 'production',
      APP_SECRET: 'p'.repeat(40),
      PUBLIC_URL: 'https://forum.example.org',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_FROM: 'Policy Commons <digest@forum.example.org>',
    };
    const { status, output } = prepare(production);
    expect(status).toBe(0);
    expect(output).toContain('NODE_ENV=production: no demo policies, demo data or demo accounts are created');
    // An unset NODE_ENV is production too.
    const unset = prepare({ ...production, NODE_ENV: '' });
    expect(unset.status).toBe(0);
    expect(unset.output).toContain('NODE_ENV=production: no demo policies');
    const counts = await withAdminClient(async () => {
      const pg = await import('pg');
      const client = new pg.default.Client({ connectionString: databaseUrl(`${name}_prod`) });
      await client.connect();
      try {
        return (await client.query(`SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM policy_documents)::int AS policies`)).rows[0];
      } finally {
        await client.end();
      }
    });
    expect(counts).toEqual({ users: 0, policies: 0 });
  });

  it('refuses to prepare production without its settings, naming each', () => {
    const { status, output } = prepare({ DATABASE_URL: databaseUrl(`${name}_prod`), NODE_ENV: '' });
    expect(status).toBe(1);
    for (const variable of ['APP_SECRET', 'PUBLIC_URL', 'SMTP_URL', 'MAIL_FROM']) expect(output).toContain(`${variable} is required in production`);
    expect(output).toContain('NODE_ENV is not set, which counts as production');
  });
});

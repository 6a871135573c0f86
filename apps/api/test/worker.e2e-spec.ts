import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabaseFromTemplate, dropDatabase } from './test-databases.js';

const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The worker as it runs in production: its own process, from the build. */
describe('the worker process', () => {
  const name = `pc_test_worker_${process.pid}_${randomBytes(3).toString('hex')}`;
  let databaseUrl: string;
  let db: pg.Client;

  beforeAll(async () => {
    databaseUrl = await createDatabaseFromTemplate(name);
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await dropDatabase(name);
  });

  it('connects, runs its scheduled housekeeping, and stops cleanly on SIGTERM', async () => {
    const [{ id }] = (
      await db.query(`INSERT INTO users (email, display_name, password_hash) VALUES ('gone@example.org', 'Gone', 'x') RETURNING id`)
    ).rows as { id: string }[];
    await db.query(`INSERT INTO sessions (user_id, token_hash, expires_at) VALUES ($1, 'expired', now() - interval '1 day'), ($1, 'live', now() + interval '1 day')`, [id]);

    const worker: ChildProcess = spawn(process.execPath, ['dist/worker.js'], {
      cwd: apiDir,
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: databaseUrl, REDIS_PREFIX: `pctest:${name}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    worker.stdout?.on('data', (chunk) => (output += String(chunk)));
    worker.stderr?.on('data', (chunk) => (output += String(chunk)));
    const exited = new Promise<number | null>((r) => worker.on('exit', (code) => r(code)));

    for (let i = 0; i < 100 && !output.includes('worker: ready'); i += 1) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('worker: ready');
    // The hourly purge is a job scheduler whose first run is due at once.
    for (let i = 0; i < 100; i += 1) {
      const { rows } = await db.query(`SELECT token_hash FROM sessions ORDER BY token_hash`);
      if (rows.length === 1) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await db.query(`SELECT token_hash FROM sessions`)).rows).toEqual([{ token_hash: 'live' }]);

    worker.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('stopped');
  });
});

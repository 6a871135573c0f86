import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { Redis } from 'ioredis';
import { migrations } from '../src/database/migrations/index.js';
import { databaseUrl, dropDatabase, withAdminClient } from './test-databases.js';

const apiDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

interface RunningApi {
  child: ChildProcess;
  port: number;
  output: () => string;
}

function startApi(env: Record<string, string>, port: number): RunningApi {
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: apiDir, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, port, output: () => output };
}

async function waitForHealth(api: RunningApi, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (api.child.exitCode !== null) throw new Error(`the api exited with ${api.child.exitCode}:\n${api.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${api.port}/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no healthy api within ${timeoutMs} ms:\n${api.output()}`);
}

async function stop(api: RunningApi): Promise<void> {
  if (api.child.exitCode !== null || api.child.signalCode !== null) return;
  const exited = new Promise((r) => api.child.once('exit', r));
  api.child.kill('SIGTERM');
  await exited;
}

describe('migrations at boot', () => {
  const name = `pc_test_migration_lock_${process.pid}_${randomBytes(3).toString('hex')}`;
  const prefix = `pctest:${name}`;
  const apis: RunningApi[] = [];

  afterAll(async () => {
    await Promise.all(apis.map(stop));
    await dropDatabase(name);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('lets two api processes starting together on an empty database both come up, each migration run once', async () => {
    await withAdminClient((c) => c.query(`CREATE DATABASE "${name}"`));
    const env = { NODE_ENV: 'test', DATABASE_URL: databaseUrl(name), REDIS_PREFIX: prefix, RUN_MIGRATIONS: 'true', WEB_DIST_DIR: '/nonexistent' };
    const [first, second] = [await freePort(), await freePort()];
    apis.push(startApi(env, first), startApi(env, second));
    await Promise.all(apis.map((api) => waitForHealth(api, 90_000)));

    // Neither lost a race and came up only through the data source's retries.
    for (const api of apis) expect(api.output()).not.toMatch(/Retrying|QueryFailedError|already exists/);

    const client = new pg.Client({ connectionString: databaseUrl(name) });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string; runs: number }>('SELECT name, count(*)::int AS runs FROM migrations GROUP BY name ORDER BY name');
      expect(rows).toEqual(migrations.map((migration) => ({ name: migration.name, runs: 1 })).sort((a, b) => a.name.localeCompare(b.name)));
    } finally {
      await client.end();
    }
  });
});

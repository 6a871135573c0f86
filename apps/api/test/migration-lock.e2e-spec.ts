import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { Redis } from 'ioredis';
import { migrations } from '../src/database/migrations/index.js';
import { freePort, spawnApi, stopApi, waitForHealth, type ApiProcess } from './api-process.js';
import { databaseUrl, dropDatabase, withAdminClient } from './test-databases.js';

describe('migrations at boot', () => {
  const name = `pc_test_migration_lock_${process.pid}_${randomBytes(3).toString('hex')}`;
  const prefix = `pctest:${name}`;
  const apis: ApiProcess[] = [];

  afterAll(async () => {
    await Promise.all(apis.map(stopApi));
    await dropDatabase(name);
    const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('lets two api processes starting together on an empty database both come up, each migration run once', async () => {
    await withAdminClient((c) => c.query(`CREATE DATABASE "${name}"`));
    const env = { NODE_ENV: 'test', REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', DATABASE_URL: databaseUrl(name), REDIS_PREFIX: prefix, RUN_MIGRATIONS: 'true', WEB_DIST_DIR: '/nonexistent' };
    const [first, second] = [await freePort(), await freePort()];
    apis.push(spawnApi(env, first), spawnApi(env, second));
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

import pg from 'pg';
import { Redis } from 'ioredis';
import { maintenanceUrl } from '../database/database-admin.js';

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

export class ServiceUnreachableError extends Error {}

/** Fails with one paragraph a newcomer can act on when PostgreSQL does not answer. */
export async function checkPostgres(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl(databaseUrl).url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new ServiceUnreachableError(
      `Policy Commons could not reach PostgreSQL at ${redact(databaseUrl)} (${(error as Error).message}). ` +
        'Start it with `docker compose up -d postgres` from the repository root, or start your local PostgreSQL ' +
        '(e.g. `pg_ctlcluster <version> main start` or `brew services start postgresql`), or point DATABASE_URL at a ' +
        'server you can reach, then run the command again. Nothing was created.',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Fails with one paragraph a newcomer can act on when Redis does not answer. */
export async function checkRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 5000, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new ServiceUnreachableError(
      `Policy Commons could not reach Redis at ${redact(redisUrl)} (${(error as Error).message || 'connection refused'}). ` +
        'Start it with `docker compose up -d redis` from the repository root, or start your local Redis ' +
        '(e.g. `redis-server --daemonize yes`), or point REDIS_URL at a server you can reach, then run the command again. ' +
        'Nothing was created.',
    );
  } finally {
    redis.disconnect();
  }
}

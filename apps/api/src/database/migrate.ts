import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/**
 * The advisory lock every process migrating a database takes first (an arbitrary constant,
 * the same everywhere). Two api instances starting together on an empty database would
 * otherwise both see the migrations as pending and the second would fail on tables the
 * first has just created.
 */
export const MIGRATION_LOCK_KEY = 7_764_000_001;

/**
 * Runs pending migrations, each in its own transaction, while holding the migration lock;
 * returns the names that ran. A process that waited for the lock finds nothing left to run.
 * Its own short-lived connection has no statement timeout: a migration (or the wait for
 * another process's) may rightly take longer than any request should.
 */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions({ databaseUrl, logSql: false, statementTimeoutMs: 0 }));
  await dataSource.initialize();
  const lock = dataSource.createQueryRunner();
  try {
    await lock.connect();
    // Session-level: held on this connection until unlocked, and released by PostgreSQL if the process dies.
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      return ran.map((m) => m.name);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await lock.release();
    await dataSource.destroy();
  }
}

import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/** Runs pending migrations, each in its own transaction; returns the names that ran. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions({ databaseUrl, logSql: false }));
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    return ran.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { StatementCounter } from './statement-counter.js';

export function dataSourceOptions(config: Pick<AppConfig, 'databaseUrl' | 'logSql'>): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    // The schema is only ever changed by reviewed migrations.
    synchronize: false,
    logger: new StatementCounter(config.logSql),
    extra: { max: 10 },
  };
}

import type { DataSourceOptions } from 'typeorm';
import { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_STATEMENT_TIMEOUT_MS, type AppConfig } from '../config/app-config.js';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { StatementCounter } from './statement-counter.js';

export type DatabaseSettings = Pick<AppConfig, 'databaseUrl' | 'logSql'> & Partial<Pick<AppConfig, 'statementTimeoutMs' | 'connectTimeoutMs' | 'databaseReplicaUrls'>>;

/**
 * node-postgres pool settings every pool of the api shares (TypeORM's and the digest reader's).
 * PostgreSQL itself cancels a statement that runs too long, so one slow query cannot hold a
 * connection (and a request) indefinitely; a pool connection that cannot be had quickly
 * fails the request instead of queueing it behind a server that does not answer.
 */
export function poolTimeouts(settings: Partial<Pick<AppConfig, 'statementTimeoutMs' | 'connectTimeoutMs'>>): {
  statement_timeout: number;
  connectionTimeoutMillis: number;
  query_timeout?: number;
} {
  const statementTimeout = settings.statementTimeoutMs ?? DEFAULT_STATEMENT_TIMEOUT_MS;
  return {
    statement_timeout: statementTimeout,
    connectionTimeoutMillis: settings.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // statement_timeout is enforced by the server; one that stops answering (paused, cut off
    // by the network) would leave the statement waiting forever. The client gives up a little
    // after the server would have.
    ...(statementTimeout > 0 ? { query_timeout: statementTimeout + 2000 } : {}),
  };
}

export function dataSourceOptions(config: DatabaseSettings): DataSourceOptions {
  const replicas = config.databaseReplicaUrls ?? [];
  return {
    type: 'postgres',
    // With replicas, TypeORM keeps a pool per server; 'master' by default, so only the reads
    // that read-routing.ts lets go stale ever leave the primary.
    ...(replicas.length
      ? { replication: { master: { url: config.databaseUrl }, slaves: replicas.map((url) => ({ url })), defaultMode: 'master' as const } }
      : { url: config.databaseUrl }),
    entities,
    migrations,
    migrationsTransactionMode: 'each',
    // The schema is only ever changed by reviewed migrations, extensions included: TypeORM's
    // own CREATE EXTENSION at every connect would also race between processes starting at once.
    synchronize: false,
    installExtensions: false,
    logger: new StatementCounter(config.logSql),
    extra: { max: 10, ...poolTimeouts(config) },
  };
}

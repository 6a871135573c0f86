import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { poolTimeouts } from '../../database/data-source-options.js';
import type { DigestQueries } from './digest-content.js';

/** Connections for digest reads and records; batches of one worker share them. */
const POOL_SIZE = 8;

/**
 * Digest statements on a pool of their own, as named prepared statements with generic
 * plans: a digest runs the same statements for every batch, and planning them each time
 * cost PostgreSQL more than running them.
 */
@Injectable()
export class DigestReader implements DigestQueries, OnApplicationShutdown {
  private readonly pool: pg.Pool;
  /** Statements sent so far: tests hold the batching to its promise with it. */
  statements = 0;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // The same statement and connection timeouts as the api's main pool.
    this.pool = new pg.Pool({ connectionString: config.databaseUrl, max: POOL_SIZE, options: '-c plan_cache_mode=force_generic_plan', ...poolTimeouts(config) });
    this.pool.on('error', () => undefined);
  }

  async query<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    this.statements += 1;
    const result = await this.pool.query({ name: `digest-${name}`, text, values });
    return result.rows as T[];
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

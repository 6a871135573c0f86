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

  /**
   * Runs one statement in a transaction of its own, then writes COMMIT to the connection
   * and, in the same tick, before PostgreSQL can reply, calls `whileCommitting` with the
   * statement's rows. What the commit makes true is released there (a digest's final ".").
   * A worker killed before COMMIT is written leaves nothing recorded; one killed after it
   * has already handed PostgreSQL the commit, so the only gap left between "recorded" and
   * "released" is the synchronous work of the release itself, never the commit's fsync,
   * the reply's trip or a busy event loop. Resolves with the rows once the commit is
   * confirmed; rejects with `CommitUnconfirmed` if the connection failed after COMMIT was
   * sent (PostgreSQL may or may not have committed).
   */
  async commitReleasing<T>(name: string, text: string, values: unknown[], whileCommitting: (rows: T[]) => void): Promise<T[]> {
    this.statements += 3;
    const client = await this.pool.connect();
    let broken: Error | undefined;
    // A checked-out client reports a lost connection as an 'error' event too; unheard, it would end the process.
    const onError = (error: Error) => (broken ??= error);
    client.on('error', onError);
    try {
      await client.query('BEGIN').catch((error: Error) => {
        // Nothing began; the connection is suspect, so it is not reused.
        broken ??= error;
        throw error;
      });
      const { rows, committed, releaseError } = await new Promise<{ rows: T[]; committed: Promise<unknown>; releaseError?: unknown }>((resolve, reject) => {
        // A callback, not the promise: pg calls it from the socket's data event, so the
        // release's stream work (process.nextTick, down to each "." written to its socket)
        // runs before any promise continuation waiting in this worker. From within a
        // promise job, every other job's continuation would run first: milliseconds.
        client.query({ name: `digest-${name}`, text, values }, (error: Error | null, result: pg.QueryResult) => {
          if (error) return reject(error);
          // pg writes a query to the socket synchronously when the connection is idle, as
          // it is in this callback: COMMIT is on its way before `whileCommitting` runs.
          const committed = client.query('COMMIT');
          const rows = result.rows as T[];
          try {
            whileCommitting(rows);
            resolve({ rows, committed });
          } catch (releaseError) {
            // Thrown from here, pg would rethrow it on the next tick and end the process.
            resolve({ rows, committed, releaseError });
          }
        });
      }).catch(async (error: unknown) => {
        await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      });
      try {
        await committed;
      } catch (error) {
        broken = error instanceof Error ? error : new Error(String(error));
        throw new CommitUnconfirmed(broken.message);
      }
      if (releaseError) throw releaseError;
      return rows;
    } finally {
      client.release(broken);
      if (!broken) client.off('error', onError);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }
}

/** COMMIT was sent but no answer came back: the transaction may or may not have committed. */
export class CommitUnconfirmed extends Error {
  constructor(reason: string) {
    super(`the commit's outcome is unknown: ${reason}`);
    this.name = 'CommitUnconfirmed';
  }
}

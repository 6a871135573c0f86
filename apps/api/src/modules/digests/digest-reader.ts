import pg from 'pg';

/**
 * Digest statements on a pool of their own, as named prepared statements with generic
 * plans: a digest runs the same statement for every subscriber, and planning it each time
 * (several lateral section queries) cost PostgreSQL ten times more than running it.
 */
export class DigestReader {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string, size: number) {
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: size, options: '-c plan_cache_mode=force_generic_plan' });
    this.pool.on('error', () => undefined);
  }

  async query<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const result = await this.pool.query({ name: `digest-${name}`, text, values });
    return result.rows as T[];
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

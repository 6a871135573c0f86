import { randomBytes } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config.js';
import { DigestReader } from '../modules/digests/digest-reader.js';
import { createDatabaseFromTemplate, dropDatabase } from '../../test/test-databases.js';
import { dataSourceOptions } from './data-source-options.js';

describe('database timeouts', () => {
  const name = `pc_test_timeouts_${process.pid}_${randomBytes(3).toString('hex')}`;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createDatabaseFromTemplate(name);
  });
  afterAll(() => dropDatabase(name));

  async function withDataSource<T>(env: Record<string, string>, fn: (db: DataSource) => Promise<T>): Promise<T> {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, ...env });
    const db = new DataSource(dataSourceOptions(config));
    await db.initialize();
    try {
      return await fn(db);
    } finally {
      await db.destroy();
    }
  }

  it('gives every pooled connection a 5 s statement timeout by default', async () => {
    await withDataSource({}, async (db) => {
      const rows = (await Promise.all([1, 2, 3].map(() => db.query('SHOW statement_timeout')))) as { statement_timeout: string }[][];
      expect(rows.map(([row]) => row.statement_timeout)).toEqual(['5s', '5s', '5s']);
    });
  });

  it('has PostgreSQL cancel a statement that runs past the limit', async () => {
    await withDataSource({ DATABASE_STATEMENT_TIMEOUT_MS: '200' }, async (db) => {
      // 200 ms against a 30 s sleep: the cancellation, not the sleep, ends it.
      await expect(db.query('SELECT pg_sleep(30)')).rejects.toMatchObject({ driverError: { code: '57014' } });
      // The connection is fine afterwards, and a statement within the limit still runs.
      expect(await db.query('SELECT pg_sleep(0.01), 1 AS ok')).toEqual([{ pg_sleep: '', ok: 1 }]);
    });
  });

  it('gives the digest reader’s own pool the same statement timeout', async () => {
    const reader = new DigestReader(loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, DATABASE_STATEMENT_TIMEOUT_MS: '200' }));
    try {
      const [row] = await reader.query<{ timeout: string }>('timeout-test', `SELECT current_setting('statement_timeout') AS timeout`, []);
      expect(row.timeout).toBe('200ms');
      await expect(reader.query('sleep-test', 'SELECT pg_sleep(30)', [])).rejects.toMatchObject({ code: '57014' });
    } finally {
      await reader.onApplicationShutdown();
    }
  });

  describe('against a server that accepts connections and never answers', () => {
    let server: Server;
    let port: number;
    const sockets: Socket[] = [];
    beforeAll(async () => {
      server = createServer((socket) => sockets.push(socket));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as { port: number }).port;
    });
    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    });

    it('gives up on a connection after the connect timeout instead of waiting', async () => {
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/silent`, DATABASE_CONNECT_TIMEOUT_MS: '300' });
      const db = new DataSource(dataSourceOptions(config));
      await expect(db.initialize()).rejects.toThrow(/timeout/i);
      // It did reach the silent server: the failure is the timeout, not a refused connection.
      expect(sockets.length).toBeGreaterThan(0);
    });
  });
});

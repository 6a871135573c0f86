import { createServer, connect, type Server, type Socket } from 'node:net';
import pg from 'pg';
import type { AppConfig } from '../../config/app-config.js';
import { createDatabaseFromTemplate, dropDatabase } from '../../../test/test-databases.js';
import { CommitUnconfirmed, DigestReader } from './digest-reader.js';

/**
 * A TCP proxy in front of PostgreSQL that, once it has passed a client's COMMIT on,
 * holds back everything the server says to that client until told. It shows what
 * happens between "COMMIT written" and "COMMIT answered", which is where a digest's
 * final "." must already have gone.
 */
class CommitReplyHold {
  private server!: Server;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private held: { client: Socket; chunk: Buffer }[] = [];
  private holding = new Set<Socket>();
  /** Whether the next COMMIT's reply is held back. */
  armed = false;
  commitsSeen = 0;
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      const pair = { client, upstream };
      this.pairs.add(pair);
      client.on('data', (chunk) => {
        // A simple-protocol Query message ('Q', length, text, NUL) whose text is COMMIT.
        if (chunk.includes(Buffer.from('COMMIT\0'))) {
          this.commitsSeen += 1;
          if (this.armed) this.holding.add(client);
          this.armed = false;
        }
        upstream.write(chunk);
      });
      upstream.on('data', (chunk) => {
        if (this.holding.has(client)) this.held.push({ client, chunk });
        else client.write(chunk);
      });
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.pairs.delete(pair);
      };
      client.on('close', close).on('error', close);
      upstream.on('close', close).on('error', close);
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  /** Lets the held replies through, and everything after them. */
  letRepliesThrough(): void {
    for (const { client, chunk } of this.held.splice(0)) client.write(chunk);
    this.holding.clear();
  }

  /** Cuts every connection, as a network failure or a crashed server would. */
  cutAll(): void {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
  }

  async stop(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const DATABASE = `pc_digest_reader_${process.pid}`;

describe('DigestReader.commitReleasing: what a recorded digest releases goes out with its COMMIT, not after the reply', () => {
  let url: URL;
  let proxy: CommitReplyHold;
  let reader: DigestReader;
  let direct: pg.Client;

  beforeAll(async () => {
    url = new URL(await createDatabaseFromTemplate(DATABASE));
    proxy = new CommitReplyHold({ host: url.hostname, port: Number(url.port) || 5432 });
    await proxy.start();
    const proxied = new URL(url);
    proxied.port = String(proxy.port);
    reader = new DigestReader({ databaseUrl: proxied.toString(), statementTimeoutMs: 10_000, connectTimeoutMs: 5_000 } as AppConfig);
    direct = new pg.Client({ connectionString: url.toString() });
    await direct.connect();
    await direct.query(`CREATE TABLE records (id int PRIMARY KEY, state text NOT NULL)`);
  });

  afterAll(async () => {
    await reader.onApplicationShutdown().catch(() => undefined);
    await direct.end();
    await proxy.stop();
    await dropDatabase(DATABASE);
  });

  beforeEach(async () => {
    proxy.letRepliesThrough();
    await direct.query(`DELETE FROM records; INSERT INTO records VALUES (1, 'planned'), (2, 'planned')`);
  });

  const stateOf = async (id: number) => ((await direct.query(`SELECT state FROM records WHERE id = $1`, [id])).rows[0] as { state: string }).state;

  it('calls the release with the rows while the COMMIT is still unanswered, and the rows are committed all the same', async () => {
    const released: number[][] = [];
    const commitsBefore = proxy.commitsSeen;
    proxy.armed = true;
    const recording = reader.commitReleasing<{ id: number }>('test-record', `UPDATE records SET state = 'sent' WHERE id = ANY($1::int[]) RETURNING id`, [[1]], (rows) =>
      released.push(rows.map((r) => r.id)),
    );
    let settled = false;
    void recording.then(
      () => (settled = true),
      () => (settled = true),
    );
    // PostgreSQL has the COMMIT and commits it; its answer is still held at the proxy.
    for (let i = 0; i < 100 && (await stateOf(1)) !== 'sent'; i++) await new Promise((r) => setTimeout(r, 20));
    expect(proxy.commitsSeen).toBe(commitsBefore + 1);
    expect(await stateOf(1)).toBe('sent');
    expect(released).toEqual([[1]]);
    expect(settled).toBe(false);
    proxy.letRepliesThrough();
    await expect(recording).resolves.toEqual([{ id: 1 }]);
    expect(await stateOf(2)).toBe('planned');
  });

  it('rejects with CommitUnconfirmed when the connection fails after COMMIT was sent; the release has already run', async () => {
    const released: number[][] = [];
    proxy.armed = true;
    const recording = reader.commitReleasing<{ id: number }>('test-record', `UPDATE records SET state = 'sent' WHERE id = ANY($1::int[]) RETURNING id`, [[2]], (rows) =>
      released.push(rows.map((r) => r.id)),
    );
    for (let i = 0; i < 100 && released.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    proxy.cutAll();
    await expect(recording).rejects.toBeInstanceOf(CommitUnconfirmed);
    expect(released).toEqual([[2]]);
  });

  it('releases nothing and leaves nothing recorded when the statement itself fails', async () => {
    const released: unknown[] = [];
    await expect(
      reader.commitReleasing('test-fail', `UPDATE records SET state = 'sent' WHERE id = 1 RETURNING id / 0`, [], (rows) => released.push(rows)),
    ).rejects.toMatchObject({ code: '22012' });
    expect(released).toEqual([]);
    expect(await stateOf(1)).toBe('planned');
    // The connection went back to the pool usable: the next record works.
    await expect(reader.commitReleasing('test-record-2', `UPDATE records SET state = 'sent' WHERE id = 1 RETURNING id`, [], () => undefined)).resolves.toEqual([{ id: 1 }]);
  });
});

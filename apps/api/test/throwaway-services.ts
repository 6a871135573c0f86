import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { loadConfig } from '../src/config/app-config.js';
import { runMigrations } from '../src/database/migrate.js';
import { freePort } from './api-process.js';
import { bootTestApp, type TestApp } from './test-app.js';

/*
 * A PostgreSQL and a Redis of the test's own, on free ports, that the test may stop and
 * start at will: outage tests must never touch the shared servers other suites use.
 */

const run = promisify(execFile);

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface ThrowawayRedis {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** SIGSTOP: connections stay open and nothing answers, as with a hung server or a cut network. */
  pause(): void;
  resume(): void;
}

/** `redis-server` as a child process, empty and without persistence; `stop` is a clean shutdown. */
export async function throwawayRedis(): Promise<ThrowawayRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const answers = async () => {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 500 });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  };
  const redis: ThrowawayRedis = {
    url,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
      await until(answers, 10_000, `redis-server on port ${port}`);
    },
    async stop() {
      const stopping = child;
      child = undefined;
      if (!stopping || stopping.exitCode !== null || stopping.signalCode !== null) return;
      const exited = new Promise((r) => stopping.once('exit', r));
      stopping.kill('SIGCONT');
      stopping.kill('SIGTERM');
      await exited;
    },
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
  };
  await redis.start();
  return redis;
}

export interface ThrowawayPostgres {
  /** A URL for `database` on this server. */
  url(database: string): string;
  start(): Promise<void>;
  /** A fast shutdown: open connections are ended, new ones refused. */
  stop(): Promise<void>;
  /** SIGSTOP to the server and every backend: connections stay open and nothing answers. */
  pause(): void;
  resume(): void;
  /** Stops the server and removes its files. */
  destroy(): Promise<void>;
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions.length) throw new Error(`no PostgreSQL server binaries under ${root}/*/bin (install postgresql)`);
  return join(root, versions[0], 'bin');
}

/** PostgreSQL refuses to run as root; as root (CI, containers) the cluster belongs to the postgres account. */
async function clusterOwner(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

/** An empty folder for a cluster's files, owned by whoever will run the server. */
async function clusterFolder(prefix: string): Promise<{ bin: string; dir: string; data: string; options: { cwd: string; uid?: number; gid?: number; env: NodeJS.ProcessEnv } }> {
  const bin = postgresBinDir();
  const owner = await clusterOwner();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid ?? owner.uid);
  return { bin, dir, data: join(dir, 'data'), options: { cwd: dir, ...owner, env: { ...process.env, LC_ALL: 'C.UTF-8' } } };
}

/** The server of a cluster folder (not yet started), listening on 127.0.0.1 and a socket in that folder only. */
async function serverOf({ bin, dir, data, options }: Awaited<ReturnType<typeof clusterFolder>>): Promise<ThrowawayPostgres> {
  const port = await freePort();
  const pgCtl = (...args: string[]) => run(join(bin, 'pg_ctl'), ['-D', data, ...args], options);
  let running = false;
  // The postmaster first (it forks no more), then its children: every backend calls setsid(),
  // so they are found by parent (Linux /proc), not by process group.
  const serverProcesses = () => {
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          // Field 4 of /proc/<pid>/stat, after the parenthesised command name, is the parent.
          return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === postmaster;
        } catch {
          return false; // ended meanwhile
        }
      })
      .map(Number);
    return [postmaster, ...children];
  };
  // A backend listed a moment ago may have ended since (a connection closing): nothing to signal.
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
    }
  };
  const server: ThrowawayPostgres = {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      // Durability is beside the point for a cluster that lives as long as one test file.
      await pgCtl('-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start');
      running = true;
    },
    async stop() {
      await pgCtl('-m', 'fast', '-w', '-t', '60', 'stop');
      running = false;
    },
    pause: () => serverProcesses().forEach((pid) => signal(pid, 'SIGSTOP')),
    resume: () => serverProcesses().forEach((pid) => signal(pid, 'SIGCONT')),
    async destroy() {
      if (running) {
        server.resume();
        await server.stop();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** A new cluster (initdb) in a temporary folder, listening on 127.0.0.1 and a socket in that folder only. */
export async function throwawayPostgres(): Promise<ThrowawayPostgres> {
  const folder = await clusterFolder('pc-outage-pg-');
  await run(join(folder.bin, 'initdb'), ['-D', folder.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'], folder.options);
  const server = await serverOf(folder);
  await server.start();
  return server;
}

/**
 * A hot standby of `primary`, streaming its WAL, on a port of its own. initdb's pg_hba already
 * trusts replication connections from 127.0.0.1 and wal_level defaults to replica, so the
 * primary needs nothing more; `pg_basebackup -R` writes standby.signal and primary_conninfo.
 */
export async function throwawayReplica(primary: ThrowawayPostgres): Promise<ThrowawayPostgres> {
  const folder = await clusterFolder('pc-replica-pg-');
  const primaryPort = new URL(primary.url('postgres')).port;
  await run(
    join(folder.bin, 'pg_basebackup'),
    ['-h', '127.0.0.1', '-p', primaryPort, '-U', 'postgres', '-D', folder.data, '-R', '-X', 'stream', '--checkpoint=fast', '--no-sync'],
    folder.options,
  );
  const server = await serverOf(folder);
  await server.start();
  return server;
}

/** A database on the throwaway server with every migration run, as global-setup prepares the shared template. */
export async function migratedDatabase(server: ThrowawayPostgres, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: server.url('postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  await runMigrations(server.url(name));
  return server.url(name);
}

/** The real api in this process (as startTestApp boots it), pointed at the given PostgreSQL and Redis. */
export async function startApiOn(databaseUrl: string, redisUrl: string, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: 'pcoutage',
    RUN_MIGRATIONS: 'false',
    WEB_DIST_DIR: '/nonexistent',
    ...env,
  });
  return bootTestApp(config);
}

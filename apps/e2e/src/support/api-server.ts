import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(__dirname, '..', '..', '..', '..');
const apiRoot = join(repoRoot, 'apps', 'api');
export const screenshotDirectory = join(repoRoot, 'apps', 'e2e', 'screenshots');

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The same server as DATABASE_URL, another database on it. */
export function databaseUrlFor(databaseName: string, baseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): string {
  const url = new URL(baseUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

function adminUrl(): string {
  return databaseUrlFor('postgres');
}

function psql(sql: string): void {
  execFileSync('psql', [adminUrl(), '-v', 'ON_ERROR_STOP=1', '-q', '-c', sql], { stdio: 'pipe' });
}

/** An empty database for this run; names are pids, so parallel runs do not collide. */
export function createDatabase(databaseName: string): void {
  psql(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
  psql(`CREATE DATABASE "${databaseName}"`);
}

export function dropDatabase(databaseName: string): void {
  psql(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function apiEnvironment(databaseUrl: string, port?: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // The journey signs in as the demo accounts, which exist only in development (an unset NODE_ENV is production).
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? DEFAULT_REDIS_URL,
    // Its own queues and keys: a job this run leaves behind must not reach another installation's worker.
    REDIS_PREFIX: `pce2e:${new URL(databaseUrl).pathname.slice(1)}`,
    ...(port === undefined ? {} : { PORT: String(port) }),
  };
}

/** Creates (if absent), migrates, imports policies and seeds the demo data. */
export function prepareDatabase(databaseUrl: string): void {
  execFileSync(process.execPath, [join(apiRoot, 'dist', 'cli', 'prepare.js')], { cwd: apiRoot, env: apiEnvironment(databaseUrl), stdio: 'pipe', timeout: 180_000 });
}

export interface RunningApi {
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startApi(databaseUrl: string): Promise<RunningApi> {
  const port = await freePort();
  mkdirSync(screenshotDirectory, { recursive: true });
  const log = createWriteStream(join(screenshotDirectory, 'api.log'));
  const child: ChildProcess = spawn(process.execPath, [join(apiRoot, 'dist', 'main.js')], { cwd: apiRoot, env: apiEnvironment(databaseUrl, port), stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  const baseUrl = `http://127.0.0.1:${port}`;
  const api: RunningApi = {
    baseUrl,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`The API exited with code ${child.exitCode} before /health answered; see ${join(screenshotDirectory, 'api.log')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.status === 200) return api;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 250));
  }
  await api.stop();
  throw new Error(`GET ${baseUrl}/health did not answer 200 within 60 s`);
}

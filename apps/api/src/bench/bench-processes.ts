import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** A server the benchmark started: the api or the floor, with the statement counter preloaded. */
export interface BenchProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Statements this process has sent to PostgreSQL so far (count-statements.ts). */
  statements(): Promise<number>;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const counter = fileURLToPath(new URL('./count-statements.js', import.meta.url));

/** Starts `script` (a built file) as its own process and waits until `ready` answers. */
export async function startBenchProcess(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  port: number,
  ready: (url: string) => Promise<boolean>,
  nodeFlags: string[] = [],
): Promise<BenchProcess> {
  const child = fork(script, [], {
    env,
    execArgv: [...nodeFlags, '--import', pathToFileURL(counter).href],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (exited) throw new Error(`${name} exited before it answered (see its output above)`);
    if (Date.now() > deadline) throw new Error(`${name} did not answer within 10 minutes`);
    if (await ready(url).catch(() => false)) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    name,
    url,
    child,
    statements: () =>
      new Promise((resolve, reject) => {
        const onMessage = (message: unknown) => {
          if (message && typeof message === 'object' && 'sqlStatements' in message) {
            child.off('message', onMessage);
            resolve((message as { sqlStatements: number }).sqlStatements);
          }
        };
        child.on('message', onMessage);
        if (!child.send('sql-statements')) reject(new Error(`${name} is not listening`));
      }),
    peakRssMb: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)\s+kB/.exec(status)?.[1] ?? 0);
      return Math.round(kb / 1024);
    },
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

// `npm start`: everything a newcomer needs, in order. Installs what is missing, builds,
// checks PostgreSQL and Redis, creates and migrates the database, seeds the demo once,
// then runs the api (which serves the web app) and the worker until Ctrl-C. API_PROCESSES=N
// runs N api processes on the one port (apps/api/src/main.ts, Node's cluster module).
// Plain Node only: this runs before dependencies may be installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const api = join(root, 'apps', 'api');

const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(process.execPath, [join(root, 'scripts', 'ensure-install.mjs')]);
console.log('Building the api and the web app…');
run('npx', ['turbo', 'run', 'build', '--filter=@policy-commons/api', '--filter=@policy-commons/web', '--output-logs=errors-only']);

const env = {
  ...process.env,
  // An unset NODE_ENV means production to the api; `npm start` is the way to run it on your own machine.
  NODE_ENV: process.env.NODE_ENV || 'development',
  PORT: process.env.PORT || '3000',
  DATABASE_URL: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/policy_commons',
  REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379',
};
const baseUrl = `http://localhost:${env.PORT}`;
env.PUBLIC_URL ||= baseUrl;

const children = [];
let stopping = false;

/**
 * The api's V8 heap is capped: uncapped on a machine with plenty of memory, V8 grows the heap
 * before collecting, and the api's resident memory reached 400 MB under 16 concurrent readers;
 * at 256 MB it stays near 200 MB with no loss of throughput (docs/BENCHMARKS.md). `npm run
 * bench` starts the api with the same flag.
 */
const API_NODE_FLAGS = ['--max-old-space-size=256'];

function start(name, script, extraEnv = {}, nodeFlags = []) {
  const child = spawn(process.execPath, [...nodeFlags, script], { cwd: api, env: { ...env, ...extraEnv }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`\n${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); stopping the others.`);
    stop(1);
  });
  children.push(child);
  return child;
}

function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  let alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (!alive.length) process.exit(code);
  for (const child of alive) child.kill('SIGTERM');
  const timer = setTimeout(() => {
    for (const child of alive) child.kill('SIGKILL');
    process.exit(code);
  }, 15000);
  for (const child of alive) {
    child.on('exit', () => {
      alive = alive.filter((c) => c !== child);
      if (!alive.length) {
        clearTimeout(timer);
        process.exit(code);
      }
    });
  }
}

process.on('SIGINT', () => {
  console.log('\nStopping Policy Commons…');
  stop(0);
});
process.on('SIGTERM', () => stop(0));

// Local mail: without SMTP_URL, digests go to a small sink you can read in the browser.
let mailNote = `Mail is sent through ${env.SMTP_URL ?? '(no SMTP_URL)'}.`;
const mailSink = join(api, 'dist', 'cli', 'mail-sink.js');
if (!env.SMTP_URL && existsSync(mailSink)) {
  const smtpPort = process.env.SMTP_SINK_PORT || '1025';
  const httpPort = process.env.HTTP_SINK_PORT || '1080';
  env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
  start('The mail sink', mailSink, { SMTP_SINK_PORT: smtpPort, HTTP_SINK_PORT: httpPort });
  mailNote = `Mail (digests) is caught locally: read it at http://localhost:${httpPort}`;
}

const prepared = spawnSync(process.execPath, [join(api, 'dist', 'cli', 'prepare.js')], { cwd: api, env, stdio: 'inherit' });
if (prepared.status !== 0) {
  stop(prepared.status ?? 1);
} else {
  start('The api', join(api, 'dist', 'main.js'), {}, API_NODE_FLAGS);
  start('The worker', join(api, 'dist', 'worker.js'));
  waitForHealth().then((ok) => {
    if (!ok || stopping) return;
    const processes = Number(env.API_PROCESSES) > 1 ? ` (${env.API_PROCESSES} api processes)` : '';
    console.log(`\n  Policy Commons is running${processes}. Open ${baseUrl}\n`);
    console.log(`  Demo accounts (password demo-password-1): admin@example.org, orgadmin@example.org, author@example.org, moderator@example.org, practitioner@example.org`);
    console.log(`  ${mailNote}`);
    console.log('  Press Ctrl-C to stop.\n');
  });
}

async function waitForHealth() {
  for (let i = 0; i < 120 && !stopping; i += 1) {
    try {
      const response = await fetch(`http://127.0.0.1:${env.PORT}/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

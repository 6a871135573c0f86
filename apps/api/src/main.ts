import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { ConfigurationError, loadConfig, type AppConfig } from './config/app-config.js';
import { createHttpApp } from './http-app.js';

async function serve(config: AppConfig): Promise<void> {
  const app = await createHttpApp(config);
  // Every interface, as Node's own default is (Fastify's is localhost only): '::' takes IPv4 too,
  // and a host without IPv6 gets 0.0.0.0.
  await app.listen(config.port, '::').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EAFNOSUPPORT' && error.code !== 'EADDRNOTAVAIL') throw error;
    return app.listen(config.port, '0.0.0.0');
  });
  if (cluster.isPrimary) console.log(`api: serving ${config.publicUrl} (GraphQL at ${config.publicUrl}/graphql)`);
}

/**
 * API_PROCESSES > 1: this process only supervises; Node's cluster module runs that many api
 * processes sharing PORT and hands each new connection to the next one. They hold nothing
 * another would need (sessions, rate limits, view counts and queues live in PostgreSQL and
 * Redis), so any of them may answer any request. One that dies while serving is replaced;
 * one that dies before it ever listened stops them all, as a single process would have.
 */
function supervise(config: AppConfig): void {
  let stopping = false;
  const serving = new Set<Worker>();
  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    if (!Object.keys(cluster.workers ?? {}).length) process.exit(code);
    process.exitCode = code;
  };
  cluster.on('listening', (worker) => {
    serving.add(worker);
    if (serving.size === config.apiProcesses) console.log(`api: ${config.apiProcesses} processes serving ${config.publicUrl} (GraphQL at ${config.publicUrl}/graphql)`);
  });
  cluster.on('exit', (worker, code, signal) => {
    const wasServing = serving.delete(worker);
    if (stopping) {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit();
      return;
    }
    if (!wasServing) {
      console.error(`api: a process stopped while starting (${signal ?? `exit code ${code}`}); stopping the others`);
      return stop(1);
    }
    console.error(`api: process ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another`);
    cluster.fork();
  });
  process.on('SIGTERM', () => stop(0));
  process.on('SIGINT', () => stop(0));
  for (let i = 0; i < config.apiProcesses; i += 1) cluster.fork();
}

try {
  const config = loadConfig();
  if (cluster.isPrimary && config.apiProcesses > 1) supervise(config);
  else
    serve(config).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
} catch (error) {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
}

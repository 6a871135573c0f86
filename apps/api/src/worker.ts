import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError, loadConfig } from './config/app-config.js';
import { WorkerModule } from './worker.module.js';

/**
 * The BullMQ worker: the api's modules, no HTTP. SIGTERM or SIGINT closes the workers,
 * which lets in-flight jobs finish; the signal is honoured even while still starting up.
 */
let app: INestApplicationContext | undefined;
let stopping = false;

async function stop(): Promise<void> {
  stopping = true;
  if (!app) return; // bootstrap() sees the flag and stops once started
  const closing = app;
  app = undefined;
  await closing.close();
  process.exit(0);
}

process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());

async function bootstrap(): Promise<void> {
  // Digests are planned and recorded against the primary's rows: the worker never reads from a replica.
  const config = loadConfig({ ...process.env, RUN_MIGRATIONS: 'false', DATABASE_REPLICA_URLS: '' });
  app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['log', 'warn', 'error'] });
  console.log('worker: ready');
  if (stopping) await stop();
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError, loadConfig } from './config/app-config.js';
import { WorkerModule } from './worker.module.js';

/** The BullMQ worker: the api's modules, no HTTP. Stops cleanly on SIGTERM and SIGINT. */
async function bootstrap(): Promise<void> {
  const config = loadConfig({ ...process.env, RUN_MIGRATIONS: 'false' });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: ['log', 'warn', 'error'] });
  app.enableShutdownHooks();
  new Logger('Worker').log('ready');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigurationError ? error.message : error);
  process.exit(1);
});

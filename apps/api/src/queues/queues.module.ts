import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type ConnectionOptions } from 'bullmq';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { QueueName } from './queue-names.js';

export const queueToken = (name: QueueName) => `queue:${name}`;

export function bullConnection(config: AppConfig): ConnectionOptions {
  // BullMQ opens its own connections (a blocking one per worker), so it gets a URL, not a client.
  return { url: config.redisUrl, maxRetriesPerRequest: null } as ConnectionOptions;
}

export const bullPrefix = (config: AppConfig) => `${config.redisPrefix}:bull`;

const queueProviders = Object.values(QueueName).map((name) => ({
  provide: queueToken(name),
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => new Queue(name, { connection: bullConnection(config), prefix: bullPrefix(config) }),
}));

/** Producers for every queue; the api enqueues through these, the worker consumes. */
@Global()
@Module({
  providers: queueProviders,
  exports: queueProviders.map((p) => p.provide),
})
export class QueuesModule implements OnApplicationShutdown {
  constructor(@Inject(queueToken(QueueName.MAINTENANCE)) private readonly maintenance: Queue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.maintenance.close();
  }
}

import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Queue, type ConnectionOptions } from 'bullmq';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { failFastRedisOptions } from '../redis/redis.module.js';
import { QueueName } from './queue-names.js';

export const queueToken = (name: QueueName) => `queue:${name}`;

/** For BullMQ workers: their blocking connections must wait out an outage (BullMQ requires maxRetriesPerRequest null). */
export function bullConnection(config: AppConfig): ConnectionOptions {
  // BullMQ opens its own connections (a blocking one per worker), so it gets a URL, not a client.
  return { url: config.redisUrl, maxRetriesPerRequest: null } as ConnectionOptions;
}

/**
 * For producers (the api enqueueing mail, the planner enqueueing digests): while Redis is
 * away an enqueue fails at once instead of holding the request until Redis returns, as
 * BullMQ recommends for queues used from HTTP handlers; the connection keeps reconnecting.
 * The command timeout bounds a Redis that accepts connections and never answers.
 */
export function bullProducerConnection(config: AppConfig): ConnectionOptions {
  // Longer than a request's: one addBulk of a thousand digest jobs is a single command here.
  return { url: config.redisUrl, ...failFastRedisOptions(5000), enableOfflineQueue: false } as ConnectionOptions;
}

export const bullPrefix = (config: AppConfig) => `${config.redisPrefix}:bull`;

const queueProviders = Object.values(QueueName).map((name) => ({
  provide: queueToken(name),
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => {
    const queue = new Queue(name, { connection: bullProducerConnection(config), prefix: bullPrefix(config) });
    // Without a listener BullMQ prints every failed reconnection attempt; one line per half minute says enough.
    let lastLogged = 0;
    queue.on('error', (error) => {
      if (Date.now() - lastLogged < 30_000) return;
      lastLogged = Date.now();
      new Logger(`Queue ${name}`).warn(`Redis unavailable: ${error.message}`);
    });
    return queue;
  },
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

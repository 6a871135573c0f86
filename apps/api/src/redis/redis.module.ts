import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis, type RedisOptions } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';

export const REDIS = Symbol('REDIS');

/**
 * The longest a request waits on one Redis command before it is told Redis is unavailable,
 * for a Redis that is connected but does not answer (one that is down is known at once).
 * Not much lower: a busy process or a Redis busy with a long command would see spurious
 * timeouts (measured with 1 s on a loaded two-core machine).
 */
export const REDIS_COMMAND_TIMEOUT_MS = 3000;

/**
 * Settings for a Redis client that a request may wait on. ioredis's defaults queue a command
 * while Redis is away and retry it on every reconnection, forever: a request waits as long
 * as the outage lasts (the question page, sign-in and /health hung). Here a command fails
 * after one reconnection attempt, or after `commandTimeout` when Redis is connected but
 * silent, while the client keeps reconnecting in the background, at most every 2 s, so
 * service resumes on its own.
 */
export function failFastRedisOptions(commandTimeout = REDIS_COMMAND_TIMEOUT_MS): RedisOptions {
  return {
    maxRetriesPerRequest: 1,
    commandTimeout,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(100 * times, 2000),
  };
}

/**
 * True while the client knows Redis is away (between a lost connection and the next one
 * that works). Callers with something better to do than wait for a command to time out
 * (skip a view count, refuse at once) ask this first.
 */
export function redisIsDown(redis: Redis): boolean {
  return redis.status === 'reconnecting' || redis.status === 'close' || redis.status === 'end';
}

/** Logs an outage once when it starts and once when it ends, not once per reconnection attempt. */
export function logRedisOutages(redis: Redis, logger: Logger): void {
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(`Redis is unavailable (${error.message || 'connection lost'}); retrying in the background`);
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    logger.log('Redis is available again');
  });
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        // BullMQ does not share this client (queues get their own connections, see queues.module.ts).
        const redis = new Redis(config.redisUrl, { ...failFastRedisOptions(), lazyConnect: false });
        logRedisOutages(redis, new Logger('Redis'));
        return redis;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

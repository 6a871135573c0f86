import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';
import { DomainException, PublicErrorCode } from './errors.js';

export class RateLimitedException extends DomainException<'RATE_LIMITED'> {
  readonly publicCode = PublicErrorCode.RATE_LIMITED;

  constructor(retryAfter: number, message: string) {
    super('RATE_LIMITED', message, { retryAfter });
  }
}

/** Fixed-window counters in Redis, shared by every api process. */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Counts one attempt; throws RATE_LIMITED once `limit` attempts fall in the window. */
  async hit(bucket: string, limit: number, windowSeconds: number, message: string): Promise<void> {
    const key = `${this.config.redisPrefix}:rate:${bucket}`;
    const [[, count], [, ttl]] = (await this.redis.multi().incr(key).ttl(key).exec()) as [[null, number], [null, number]];
    if (ttl < 0) await this.redis.expire(key, windowSeconds);
    if (count > limit) throw new RateLimitedException(ttl > 0 ? ttl : windowSeconds, message);
  }

  async reset(bucket: string): Promise<void> {
    await this.redis.del(`${this.config.redisPrefix}:rate:${bucket}`);
  }
}

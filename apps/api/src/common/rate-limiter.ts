import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { REDIS, redisIsDown } from '../redis/redis.module.js';
import { DomainException, PublicErrorCode, ServiceUnavailableException } from './errors.js';

export class RateLimitedException extends DomainException<'RATE_LIMITED'> {
  readonly publicCode = PublicErrorCode.RATE_LIMITED;

  constructor(retryAfter: number, message: string) {
    super('RATE_LIMITED', message, { retryAfter });
  }
}

const CANNOT_COUNT = 'We cannot check how often this was tried right now, so it is paused. Try again in a minute.';

/** Fixed-window counters in Redis, shared by every api process. */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Counts one attempt; throws RATE_LIMITED once `limit` attempts fall in the window.
   * While Redis is away the limit cannot be checked, and letting everything through would
   * hand a password guesser an unlimited window: the attempt is refused at once with
   * SERVICE_UNAVAILABLE, or after REDIS_COMMAND_TIMEOUT_MS when Redis is connected but silent.
   */
  async hit(bucket: string, limit: number, windowSeconds: number, message: string): Promise<void> {
    if (redisIsDown(this.redis)) throw new ServiceUnavailableException('redis', CANNOT_COUNT);
    const key = `${this.config.redisPrefix}:rate:${bucket}`;
    let count: number;
    let ttl: number;
    try {
      [[, count], [, ttl]] = (await this.redis.multi().incr(key).ttl(key).exec()) as [[null, number], [null, number]];
      if (ttl < 0) await this.redis.expire(key, windowSeconds);
    } catch (error) {
      this.logger.warn(`cannot count ${bucket.split(':')[0]}: ${(error as Error).message}`);
      throw new ServiceUnavailableException('redis', CANNOT_COUNT);
    }
    if (count > limit) throw new RateLimitedException(ttl > 0 ? ttl : windowSeconds, message);
  }

  /** Best effort: a counter left in place only makes the next attempts count from where it was. */
  async reset(bucket: string): Promise<void> {
    try {
      await this.redis.del(`${this.config.redisPrefix}:rate:${bucket}`);
    } catch (error) {
      this.logger.warn(`cannot reset ${bucket.split(':')[0]}: ${(error as Error).message}`);
    }
  }
}

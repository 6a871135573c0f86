import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
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

/** Whole seconds until a refused attempt may be made again: never 0, which would invite an immediate retry. */
export function retryAfterOf(refusal: RateLimiterRes): number {
  return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
}

const CANNOT_COUNT = 'We cannot check how often this was tried right now, so it is paused. Try again in a minute.';

/**
 * Fixed-window counters in Redis (rate-limiter-flexible), shared by every api process, for
 * the limits that guard accounts: sign-up, sign-in per address, password resets, password
 * confirmations, new members' posting pace. Actions like asking and searching go through
 * ActionLimits (rate-limits.ts) instead, which keeps counting in memory while Redis is away.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  /** One limiter per limit and window; the bucket names the counter inside it. */
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get keyPrefix(): string {
    return `${this.config.redisPrefix}:rate`;
  }

  private limiterFor(limit: number, windowSeconds: number): RateLimiterRedis {
    const id = `${limit}/${windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: this.keyPrefix, points: limit, duration: windowSeconds });
      this.limiters.set(id, limiter);
    }
    return limiter;
  }

  /**
   * Counts one attempt; throws RATE_LIMITED once `limit` attempts fall in the window.
   * While Redis is away the limit cannot be checked, and letting everything through would
   * hand a password guesser an unlimited window: the attempt is refused at once with
   * SERVICE_UNAVAILABLE, or after REDIS_COMMAND_TIMEOUT_MS when Redis is connected but silent.
   * (No in-memory fallback here: each api process would then grant its own window.)
   */
  async hit(bucket: string, limit: number, windowSeconds: number, message: string): Promise<void> {
    if (redisIsDown(this.redis)) throw new ServiceUnavailableException('redis', CANNOT_COUNT);
    try {
      await this.limiterFor(limit, windowSeconds).consume(bucket);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw new RateLimitedException(retryAfterOf(rejection), message);
      this.logger.warn(`cannot count ${bucket.split(':')[0]}: ${(rejection as Error).message}`);
      throw new ServiceUnavailableException('redis', CANNOT_COUNT);
    }
  }

  /** Best effort: a counter left in place only makes the next attempts count from where it was. */
  async reset(bucket: string): Promise<void> {
    try {
      // The limiters' key for the bucket, whatever its limit and window.
      await this.redis.del(`${this.keyPrefix}:${bucket}`);
    } catch (error) {
      this.logger.warn(`cannot reset ${bucket.split(':')[0]}: ${(error as Error).message}`);
    }
  }
}

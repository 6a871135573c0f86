import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { REDIS } from '../../redis/redis.module.js';

/** Attempts at one account's password that are never slowed down: enough for a few typos. */
export const SIGN_IN_FREE_ATTEMPTS = 5;
/** The wait after the free attempts; it doubles with every further failure… */
export const SIGN_IN_FIRST_DELAY_SECONDS = 15;
/** …up to this, so a stranger's guesses make the owner wait at most this long, never lock them out. */
export const SIGN_IN_MAX_DELAY_SECONDS = 15 * 60;
/** An account nobody has tried for this long starts again with its free attempts. */
const FORGET_AFTER_SECONDS = 24 * 3600;

/**
 * Counts the attempt and answers 0 when it may go ahead, or the seconds left to wait. The
 * attempt counts as a failure until a success clears it, so parallel guesses cannot slip in
 * before the count goes up. Redis's clock, not each api process's, times the waits.
 */
const ATTEMPT_SCRIPT = `
local now = redis.call('TIME')
now = tonumber(now[1]) + tonumber(now[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'failures', 'last')
local failures = tonumber(state[1]) or 0
local last = tonumber(state[2]) or 0
local free = tonumber(ARGV[1])
if failures >= free then
  local delay = math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) * 2 ^ (failures - free))
  local wait = last + delay - now
  if wait > 0 then return math.ceil(wait) end
end
redis.call('HSET', KEYS[1], 'failures', tostring(failures + 1), 'last', tostring(now))
redis.call('EXPIRE', KEYS[1], tonumber(ARGV[4]))
return 0
`;

/**
 * Slows down password guesses at one account without letting a stranger lock it: after
 * SIGN_IN_FREE_ATTEMPTS failures each further attempt must wait, twice as long each time, up
 * to SIGN_IN_MAX_DELAY_SECONDS; an attempt made while waiting is refused without looking at
 * the password (so it cannot be a guess) and without adding to the wait. A correct password
 * after the wait signs in and clears the count, and so does a password reset from an emailed
 * link (the owner's way in at once, whatever a stranger keeps trying).
 *
 * Not a fixed-window counter (common/rate-limiter.ts): a per-account window that refuses
 * everything once full is exactly the lock a stranger could keep an owner in.
 */
@Injectable()
export class SignInBackoff {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private key(email: string): string {
    return `${this.config.redisPrefix}:sign-in-backoff:${email}`;
  }

  /** Counts one attempt at the account's password; the seconds to wait first, or 0 to go ahead. */
  async attempt(email: string): Promise<number> {
    const wait = await this.redis.eval(ATTEMPT_SCRIPT, 1, this.key(email), SIGN_IN_FREE_ATTEMPTS, SIGN_IN_FIRST_DELAY_SECONDS, SIGN_IN_MAX_DELAY_SECONDS, FORGET_AFTER_SECONDS);
    return Number(wait);
  }

  /** The owner proved who they are (the right password, or a reset link): no more waiting. */
  async clear(email: string): Promise<void> {
    await this.redis.del(this.key(email));
  }
}

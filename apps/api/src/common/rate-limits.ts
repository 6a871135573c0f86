import {
  applyDecorators,
  Global,
  Inject,
  Injectable,
  Module,
  SetMetadata,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { catchError, from, mergeMap, throwError, type Observable } from 'rxjs';
import { APP_CONFIG } from '../config/config.module.js';
import { RATE_LIMITED_ACTIONS, type AppConfig, type RateLimitedAction } from '../config/app-config.js';
import { REDIS } from '../redis/redis.module.js';
import { clientAddressOf } from './client-address.js';
import { RateLimiter, RateLimitedException, retryAfterOf } from './rate-limiter.js';
import type { RequestContext } from './request-context.js';

/** Whose budget an action is taken from: the signed-in person's, or else the client address's. */
export type Counted = { account: string } | { address: string };

/**
 * Writes count only when they succeed: a question refused for a missing title was not asked,
 * and the refusal message says "you have asked 10 questions". Reads cost the database
 * whether or not they find anything, so every attempt counts, failures included (a search
 * that runs into the statement timeout must not be free to repeat).
 */
const COUNTED_WHEN_DONE: ReadonlySet<RateLimitedAction> = new Set(['ask', 'answer', 'comment', 'vote', 'follow']);

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
const times = (count: number) => (count === 1 ? 'once' : `${count} times`);

/** What was done `count` times, after "You have" or "People on your network have". */
const DONE: Record<RateLimitedAction, (count: number) => string> = {
  ask: (count) => `asked or edited ${plural(count, 'question')}`,
  answer: (count) => `posted or edited ${plural(count, 'answer')}`,
  comment: (count) => `posted or edited ${plural(count, 'comment')}`,
  vote: (count) => `voted ${times(count)}`,
  follow: (count) => `followed or unfollowed something ${times(count)}`,
  search: (count) => `searched ${times(count)}`,
  diff: (count) => `compared policy versions ${times(count)}`,
  preview: (count) => `previewed citations ${times(count)}`,
  render: (count) => `opened ${plural(count, 'page')} not read recently by anyone`,
};

/** "hour", "15 minutes": the window after "in the last". */
function windowWords(seconds: number): string {
  const [amount, unit] =
    seconds % 86400 === 0 ? [seconds / 86400, 'day'] : seconds % 3600 === 0 ? [seconds / 3600, 'hour'] : seconds % 60 === 0 ? [seconds / 60, 'minute'] : [seconds, 'second'];
  return amount === 1 ? unit : plural(amount, unit);
}

/** "12 minutes": the wait after "Try again in", rounded up so that trying then works. */
export function waitWords(seconds: number): string {
  if (seconds < 60) return plural(seconds, 'second');
  if (seconds <= 90 * 60) return plural(Math.ceil(seconds / 60), 'minute');
  if (seconds <= 48 * 3600) return plural(Math.ceil(seconds / 3600), 'hour');
  return plural(Math.ceil(seconds / 86400), 'day');
}

/** "You have asked or edited 10 questions in the last hour. Try again in 12 minutes." */
export function limitMessage(action: RateLimitedAction, counted: Counted, limit: number, windowSeconds: number, retryAfter: number): string {
  const who = 'account' in counted ? 'You have' : 'People on your network have';
  return `${who} ${DONE[action](limit)} in the last ${windowWords(windowSeconds)}. Try again in ${waitWords(retryAfter)}.`;
}

/** A budget taken from; giving it back undoes the count (for a write that did not happen). */
export interface Taken {
  giveBack(): Promise<void>;
}

/**
 * The limits on actions (AppConfig.actionLimits): a fixed window per action and account or
 * client address, counted in Redis so that every api process shares it. While Redis is
 * away (or silent past the command timeout) each process counts in memory instead, so
 * posting and reading keep working through an outage and are still bounded; the stricter
 * account limits (RateLimiter) refuse instead.
 */
@Injectable()
export class ActionLimits {
  private readonly limiters: Record<RateLimitedAction, RateLimiterRedis>;

  constructor(@Inject(REDIS) redis: Redis, @Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.limiters = Object.fromEntries(
      RATE_LIMITED_ACTIONS.map((action) => {
        const { limit, windowSeconds } = config.actionLimits[action];
        const limiter = new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `${config.redisPrefix}:limit:${action}`,
          points: limit,
          duration: windowSeconds,
          // A Redis known to be down goes to memory at once rather than through a failing command.
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory({ points: limit, duration: windowSeconds }),
        });
        return [action, limiter];
      }),
    ) as Record<RateLimitedAction, RateLimiterRedis>;
  }

  /** Takes one from the budget, or throws RATE_LIMITED with the seconds until the window ends. */
  async take(action: RateLimitedAction, counted: Counted): Promise<Taken> {
    const limiter = this.limiters[action];
    const key = 'account' in counted ? `account:${counted.account}` : `address:${counted.address}`;
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const { limit, windowSeconds } = this.config.actionLimits[action];
      const retryAfter = retryAfterOf(rejection);
      throw new RateLimitedException(retryAfter, limitMessage(action, counted, limit, windowSeconds, retryAfter));
    }
    return {
      // Best effort: a count not given back only brings the end of the budget nearer.
      giveBack: () => limiter.reward(key).then(
        () => undefined,
        () => undefined,
      ),
    };
  }
}

const RATE_LIMIT_ACTION = 'policy-commons:rate-limit-action';

/**
 * Counts each call of the resolver against the action's budget (after the guards, so a
 * visitor is told to sign in rather than counted), per account when someone is signed in
 * and per client address otherwise; refuses with RATE_LIMITED once it is spent.
 */
@Injectable()
export class RateLimitInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: ActionLimits,
  ) {}

  async intercept(execution: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const action = this.reflector.get<RateLimitedAction>(RATE_LIMIT_ACTION, execution.getHandler());
    const { viewer, req } = GqlExecutionContext.create(execution).getContext<RequestContext>();
    const taken = await this.limits.take(action, viewer ? { account: viewer.id } : { address: clientAddressOf(req) });
    if (!COUNTED_WHEN_DONE.has(action)) return next.handle();
    // Input refused, or anything else that rolled the write back: it was not done, so it does not count.
    return next.handle().pipe(catchError((error: unknown) => from(taken.giveBack()).pipe(mergeMap(() => throwError(() => error)))));
  }
}

/** Limits how often a query or mutation may be called; the limit is the action's in AppConfig.actionLimits. */
export function RateLimit(action: RateLimitedAction): MethodDecorator {
  return applyDecorators(SetMetadata(RATE_LIMIT_ACTION, action), UseInterceptors(RateLimitInterceptor));
}

/** The rate limits, for every module: RateLimitInterceptor is created in the module of each resolver that uses it. */
@Global()
@Module({
  providers: [RateLimiter, ActionLimits],
  exports: [RateLimiter, ActionLimits],
})
export class RateLimitsModule {}

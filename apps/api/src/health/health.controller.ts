import { Controller, Get, Inject } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { REDIS, redisIsDown } from '../redis/redis.module.js';

/** Each service gets this long to answer, so /health itself answers within about this long. */
export const HEALTH_CHECK_TIMEOUT_MS = 1500;

/**
 * For load balancers and `npm start`: 200 when PostgreSQL and Redis both answer, 503 naming
 * the one that does not (`error.postgresql`, `error.redis`). A service that is down reads
 * "unreachable" and one that hangs "timeout of … exceeded"; driver messages (addresses,
 * ports) stay in the logs.
 */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () =>
        this.indicators
          .check('postgresql')
          .attempt(() => withoutDetails(this.db.query('SELECT 1')))
          .withTimeout(HEALTH_CHECK_TIMEOUT_MS),
      () =>
        this.indicators
          .check('redis')
          .attempt(() => withoutDetails(redisIsDown(this.redis) ? Promise.reject(new Error('down')) : this.redis.ping()))
          .withTimeout(HEALTH_CHECK_TIMEOUT_MS),
    ]);
  }
}

async function withoutDetails(check: Promise<unknown>): Promise<void> {
  try {
    await check;
  } catch {
    throw new Error('unreachable');
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { JobsOptions, Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { QueueName } from '../../queues/queue-names.js';
import { queueToken } from '../../queues/queues.module.js';

/** How often the planner looks for subscribers whose delivery time has come. */
export const PLAN_EVERY_MS = 15 * 60 * 1000;

export const DIGEST_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 5_000 },
  // The delivery row is the record of what was sent; keeping finished jobs in Redis as well
  // cost each digest a tenth more queue work. A re-plan that re-adds a finished job is
  // harmless: the job finds its delivery done and skips it.
  removeOnComplete: true,
  // Failed digests stay for inspection in the dashboard; one whose delivery is still
  // PLANNED (it ran out of attempts during an outage) is retried by the next plan.
  removeOnFail: false,
};

/** One job id per subscriber and period: a re-plan, or two planners at once, add it only once. */
export const digestJobId = (userId: string, period: string) => `digest-${period.replace(':', '-')}-${userId}`;

export interface PlanResult {
  planned: number;
  enqueued: number;
}

/**
 * Decides who is due. PostgreSQL's time zone database does the local-time arithmetic, so a
 * subscriber's hour is their wall-clock hour on both sides of a daylight-saving change.
 * The period is the subscriber's local day (DAILY) or ISO week (WEEKLY); it is due from
 * the chosen local hour (and weekday) on, and only for periods that began after the
 * subscriber's settings existed. The clock is a parameter so tests can move it.
 */
const PLAN_SQL = `
  WITH local AS (
    SELECT s.user_id, s.digest_frequency AS f, s.digest_weekday AS wd, s.digest_hour AS h, s.time_zone AS tz, s.created_at,
           ($1::timestamptz AT TIME ZONE s.time_zone) AS lt
      FROM notification_settings s
     WHERE s.digest_frequency <> 'OFF' AND s.email_confirmed_at IS NOT NULL
  ), due AS (
    SELECT user_id, created_at,
           CASE WHEN f = 'DAILY' THEN 'daily:' || to_char(lt, 'YYYY-MM-DD') ELSE 'weekly:' || to_char(lt, 'IYYY-"W"IW') END AS period,
           CASE WHEN f = 'DAILY' THEN (date_trunc('day', lt) + make_interval(hours => h)) AT TIME ZONE tz
                ELSE (date_trunc('day', lt) - make_interval(days => extract(isodow FROM lt)::int - wd) + make_interval(hours => h)) AT TIME ZONE tz
           END AS due_at
      FROM local
  )
  INSERT INTO digest_deliveries (user_id, period, due_at)
  SELECT user_id, period, due_at FROM due WHERE due_at <= $1 AND due_at > created_at
  ON CONFLICT (user_id, period) DO NOTHING
  RETURNING id`;

@Injectable()
export class DigestPlanner {
  private readonly logger = new Logger('DigestPlanner');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(queueToken(QueueName.DIGESTS)) private readonly queue: Queue,
  ) {}

  /**
   * Records a delivery row per due subscriber and period (the row is the claim; the unique
   * key makes a second one impossible), commits, and only then enqueues one job per
   * still-planned row. Rows left planned by a crashed planner, a lost Redis, an expired
   * job or one that ran out of attempts are picked up again by the next plan.
   */
  async plan(now: Date = new Date()): Promise<PlanResult> {
    const planned = ((await this.db.query(PLAN_SQL, [now])) as { id: string }[]).length;
    const rows = (await this.db.query(`SELECT id, user_id AS "userId", period FROM digest_deliveries WHERE status = 'PLANNED' AND due_at <= $1 ORDER BY due_at`, [
      now,
    ])) as { id: string; userId: string; period: string }[];
    for (let i = 0; i < rows.length; i += 1000) {
      await this.queue.addBulk(
        rows.slice(i, i + 1000).map((row) => ({
          name: 'send-digest',
          // Ids only: the job reloads everything from PostgreSQL.
          data: { deliveryId: row.id },
          opts: { ...DIGEST_JOB_OPTIONS, jobId: digestJobId(row.userId, row.period) },
        })),
      );
    }
    const retried = await this.retryFailedJobs(rows);
    if (planned || rows.length) this.logger.log(`planned ${planned} new digest(s), enqueued ${rows.length} outstanding, ${retried} of them after their job failed`);
    return { planned, enqueued: rows.length };
  }

  /**
   * A job that failed for good stays in the failed list under its id, so adding it again is
   * a no-op: a delivery whose job ran out of attempts while PostgreSQL, Redis or the mail
   * server was away would stay PLANNED forever. Such jobs get fresh attempts; the delivery
   * row's conditional update keeps the digest exactly once however often a job runs. A job
   * failed for a delivery that is no longer PLANNED (a permanent refusal) is left alone.
   */
  private async retryFailedJobs(rows: { userId: string; period: string }[]): Promise<number> {
    if (!rows.length) return 0;
    const outstanding = new Set(rows.map((row) => digestJobId(row.userId, row.period)));
    const failed = (await this.queue.getRanges(['failed'], 0, -1)).filter((id) => outstanding.has(id));
    let retried = 0;
    for (const id of failed) {
      const job = await this.queue.getJob(id);
      try {
        await job?.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        retried += 1;
      } catch (error) {
        // Another planner retried it first, or it was removed meanwhile: either way it is no longer stuck.
        this.logger.log(`not retrying ${id}: ${(error as Error).message}`);
      }
    }
    return retried;
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { JobHandler } from '../../queues/maintenance.processor.js';
import { QueueName, type JobName } from '../../queues/queue-names.js';
import { queueToken } from '../../queues/queues.module.js';
import { AccountMail } from './account-mail.js';
import { DigestPlanner, PLAN_EVERY_MS } from './digest-planner.service.js';
import { DigestFailedPermanently, DigestSender } from './digest-sender.service.js';

/** The worker side of digests: the planning job on a schedule, one job per digest, previews. */
@Injectable()
export class DigestsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DigestsProcessor');
  private scheduleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly planner: DigestPlanner,
    private readonly sender: DigestSender,
    @Inject(queueToken(QueueName.DIGESTS)) private readonly queue: Queue,
    private readonly accountMail: AccountMail,
  ) {}

  handlers(): Record<JobName<QueueName.DIGESTS>, JobHandler> {
    return {
      'plan-digests': () => this.planner.plan(new Date()),
      'send-digest': async (job: Job<{ deliveryId: string }>) => {
        try {
          return await this.sender.sendPlanned(job.data.deliveryId, { made: job.attemptsMade, max: job.opts.attempts ?? 1 });
        } catch (error) {
          // Kept in the failed list for inspection, never retried.
          if (error instanceof DigestFailedPermanently) throw new UnrecoverableError(error.message);
          throw error;
        }
      },
      'send-digest-preview': (job: Job<{ userId: string }>) => this.sender.sendPreview(job.data.userId),
      'send-email-confirmation': (job: Job<{ userId: string }>) => this.sender.sendEmailConfirmation(job.data.userId),
      'send-password-reset': (job: Job<{ resetId: string }>) => this.accountMail.sendPasswordReset(job.data.resetId),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureSchedule();
    // Upserting is idempotent; doing it again now and then restores the schedule after Redis lost its data.
    this.scheduleTimer = setInterval(() => void this.ensureSchedule(), 60_000);
    this.scheduleTimer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.scheduleTimer);
  }

  private async ensureSchedule(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler('plan-digests', { every: PLAN_EVERY_MS }, { name: 'plan-digests', opts: { removeOnComplete: 100, removeOnFail: 100 } });
    } catch (error) {
      this.logger.warn(`could not schedule digest planning: ${(error as Error).message}`);
    }
  }
}

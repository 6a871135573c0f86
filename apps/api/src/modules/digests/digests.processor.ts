import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { JobHandler } from '../../queues/maintenance.processor.js';
import { QueueName, type JobName } from '../../queues/queue-names.js';
import { KeptJobSchedulers } from '../../queues/kept-job-schedulers.js';
import { queueToken } from '../../queues/queues.module.js';
import { AccountMail } from './account-mail.js';
import { DigestPlanner, PLAN_EVERY_MS } from './digest-planner.service.js';
import { DigestFailedPermanently, DigestSender } from './digest-sender.service.js';

/** The worker side of digests: the planning job on a schedule, one job per digest, previews. */
@Injectable()
export class DigestsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DigestsProcessor');
  private readonly schedulers: KeptJobSchedulers;

  constructor(
    private readonly planner: DigestPlanner,
    private readonly sender: DigestSender,
    @Inject(queueToken(QueueName.DIGESTS)) queue: Queue,
    private readonly accountMail: AccountMail,
  ) {
    this.schedulers = new KeptJobSchedulers(queue, [{ id: 'plan-digests', every: PLAN_EVERY_MS, job: { name: 'plan-digests', opts: { removeOnComplete: 100, removeOnFail: 100 } } }], this.logger);
  }

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
    await this.schedulers.start();
  }

  onApplicationShutdown(): void {
    this.schedulers.stop();
  }
}

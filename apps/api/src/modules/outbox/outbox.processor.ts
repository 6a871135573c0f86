import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { JobHandler } from '../../queues/maintenance.processor.js';
import { QueueName, type JobName } from '../../queues/queue-names.js';
import { KeptJobSchedulers } from '../../queues/kept-job-schedulers.js';
import { queueToken } from '../../queues/queues.module.js';
import { OutboxDelivery } from './outbox-delivery.js';
import { DELIVER_OUTBOX_JOB_OPTIONS } from './outbox.service.js';

/** How often the worker looks for events nobody nudged it about (the api died, Redis was away). */
export const SWEEP_EVERY_MS = 10_000;

/**
 * The worker side of the outbox: `deliver-outbox` runs on every nudge from the api and on
 * a schedule, so delivery never depends on the nudge arriving.
 */
@Injectable()
export class OutboxProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxProcessor');
  private readonly schedulers: KeptJobSchedulers;

  constructor(
    private readonly delivery: OutboxDelivery,
    @Inject(queueToken(QueueName.OUTBOX)) queue: Queue,
  ) {
    this.schedulers = new KeptJobSchedulers(
      queue,
      [
        { id: 'sweep-outbox', every: SWEEP_EVERY_MS, job: { name: 'deliver-outbox', opts: DELIVER_OUTBOX_JOB_OPTIONS } },
        { id: 'purge-delivered-outbox', every: 60 * 60 * 1000, job: { name: 'purge-delivered-outbox', opts: DELIVER_OUTBOX_JOB_OPTIONS } },
      ],
      this.logger,
    );
  }

  handlers(): Record<JobName<QueueName.OUTBOX>, JobHandler> {
    return {
      'deliver-outbox': () => this.delivery.deliverDue(),
      'purge-delivered-outbox': () => this.delivery.purgeDelivered(),
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    // The first sweep runs at once.
    await this.schedulers.start();
  }

  onApplicationShutdown(): void {
    this.schedulers.stop();
  }
}

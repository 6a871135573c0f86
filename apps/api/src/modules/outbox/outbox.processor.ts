import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { JobHandler } from '../../queues/maintenance.processor.js';
import { QueueName, type JobName } from '../../queues/queue-names.js';
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
  private scheduleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly delivery: OutboxDelivery,
    @Inject(queueToken(QueueName.OUTBOX)) private readonly queue: Queue,
  ) {}

  handlers(): Record<JobName<QueueName.OUTBOX>, JobHandler> {
    return {
      'deliver-outbox': () => this.delivery.deliverDue(),
      'purge-delivered-outbox': () => this.delivery.purgeDelivered(),
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
      // Schedulers, not repeat jobs: upserting them on every start never doubles them. The first sweep runs at once.
      await this.queue.upsertJobScheduler('sweep-outbox', { every: SWEEP_EVERY_MS }, { name: 'deliver-outbox', opts: DELIVER_OUTBOX_JOB_OPTIONS });
      await this.queue.upsertJobScheduler('purge-delivered-outbox', { every: 60 * 60 * 1000 }, { name: 'purge-delivered-outbox', opts: DELIVER_OUTBOX_JOB_OPTIONS });
    } catch (error) {
      this.logger.warn(`could not schedule outbox sweeps: ${(error as Error).message}`);
    }
  }
}

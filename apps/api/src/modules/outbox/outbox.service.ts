import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { EntityManager } from 'typeorm';
import { QueueName } from '../../queues/queue-names.js';
import { queueToken } from '../../queues/queues.module.js';
import { addOutboxEvent, type OutboxEvent } from './outbox-events.js';

/** For a nudge: the worker delivers every due event, so one job per nudge is all it needs. */
export const DELIVER_OUTBOX_JOB_OPTIONS = { removeOnComplete: true, removeOnFail: 100 } as const;

@Injectable()
export class OutboxService {
  private readonly logger = new Logger('Outbox');

  constructor(@Inject(queueToken(QueueName.OUTBOX)) private readonly queue: Queue) {}

  /** Records the event in the change's transaction (`tx`); call `nudge()` once it has committed. */
  add(tx: EntityManager, event: OutboxEvent): Promise<void> {
    return addOutboxEvent(tx, event);
  }

  /**
   * After a commit: asks the worker to deliver now rather than at its next sweep. Best
   * effort and not awaited by callers' responses: if Redis is away or this process dies
   * first, the sweep (every 10 s) delivers the event all the same.
   */
  nudge(): void {
    this.queue.add('deliver-outbox', {}, DELIVER_OUTBOX_JOB_OPTIONS).catch((error: unknown) => {
      this.logger.warn(`could not nudge the outbox worker (the sweep will deliver): ${(error as Error).message}`);
    });
  }
}

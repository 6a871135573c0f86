import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../../queues/queue-names.js';
import { queueToken } from '../../queues/queues.module.js';
import { OutboxService } from './outbox.service.js';

/** Writing outbox events; any module whose changes have after-commit effects imports it. */
@Module({
  providers: [OutboxService],
  exports: [OutboxService],
})
export class OutboxModule implements OnApplicationShutdown {
  constructor(@Inject(queueToken(QueueName.OUTBOX)) private readonly queue: Queue) {}

  async onApplicationShutdown(): Promise<void> {
    // QueuesModule closes the queues it knows by name; this one is ours.
    await this.queue.close();
  }
}

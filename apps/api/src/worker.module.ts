import { Inject, Logger, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker, type Queue } from 'bullmq';
import { APP_CONFIG } from './config/config.module.js';
import type { AppConfig } from './config/app-config.js';
import { CoreModule } from './core.module.js';
import { DigestsModule } from './modules/digests/digests.module.js';
import { DigestsProcessor } from './modules/digests/digests.processor.js';
import { OutboxProcessor } from './modules/outbox/outbox.processor.js';
import { OutboxDeliveryModule } from './outbox-delivery.module.js';
import { MaintenanceProcessor, type JobHandler } from './queues/maintenance.processor.js';
import { JOB_NAMES, QueueName, WORKER_OPTIONS } from './queues/queue-names.js';
import { bullConnection, bullPrefix, queueToken } from './queues/queues.module.js';

/** Refuses to run when any declared job has no handler, so a job can never sit unserved. */
export function checkHandlers(handlers: Record<QueueName, Record<string, JobHandler>>): void {
  const missing = Object.values(QueueName).flatMap((queue) => JOB_NAMES[queue].filter((job) => !handlers[queue]?.[job]).map((job) => `${queue}/${job}`));
  if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
}

@Module({})
export class WorkerModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];

  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config), DigestsModule, OutboxDeliveryModule], providers: [MaintenanceProcessor, DigestsProcessor, OutboxProcessor] };
  }

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly maintenance: MaintenanceProcessor,
    private readonly digests: DigestsProcessor,
    private readonly outbox: OutboxProcessor,
    @Inject(queueToken(QueueName.MAINTENANCE)) private readonly maintenanceQueue: Queue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers: Record<QueueName, Record<string, JobHandler>> = {
      [QueueName.MAINTENANCE]: this.maintenance.handlers(),
      [QueueName.DIGESTS]: this.digests.handlers(),
      [QueueName.OUTBOX]: this.outbox.handlers(),
    };
    checkHandlers(handlers);
    for (const queue of Object.values(QueueName)) {
      const worker = new Worker(
        queue,
        async (job) => {
          const handler = handlers[queue][job.name];
          if (!handler) throw new Error(`No handler for ${queue}/${job.name}`);
          return handler(job);
        },
        { connection: bullConnection(this.config), prefix: bullPrefix(this.config), concurrency: 4, ...WORKER_OPTIONS[queue] },
      );
      worker.on('failed', (job, error) => this.logger.warn(`${queue}/${job?.name} ${job?.id} failed: ${error.message}`));
      await worker.waitUntilReady();
      this.workers.push(worker);
    }
    // A scheduler, not a repeat job: upserting it on every start never doubles it.
    await this.maintenanceQueue.upsertJobScheduler('purge-expired-sessions', { every: 60 * 60 * 1000 }, { name: 'purge-expired-sessions' });
    this.logger.log(`serving queues: ${Object.values(QueueName).join(', ')}`);
  }

  /** Lets in-flight jobs finish; BullMQ returns unfinished ones to the queue when their lock lapses. */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
    this.logger.log('stopped');
  }
}

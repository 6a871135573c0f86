import type { Logger } from '@nestjs/common';
import type { JobsOptions, Queue, RepeatOptions } from 'bullmq';

export interface JobSchedulerSpec {
  id: string;
  every: RepeatOptions['every'];
  job: { name: string; opts?: JobsOptions };
}

/**
 * A queue's job schedulers, upserted when the worker starts and again every minute.
 * Schedulers, not repeat jobs: upserting one never doubles it, and upserting again restores
 * the schedule after Redis lost its data.
 */
export class KeptJobSchedulers {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly queue: Queue,
    private readonly schedulers: readonly JobSchedulerSpec[],
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    await this.upsert();
    this.timer = setInterval(() => void this.upsert(), 60_000);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async upsert(): Promise<void> {
    try {
      for (const { id, every, job } of this.schedulers) await this.queue.upsertJobScheduler(id, { every }, job);
    } catch (error) {
      this.logger.warn(`could not schedule ${this.schedulers.map((s) => s.id).join(', ')}: ${(error as Error).message}`);
    }
  }
}

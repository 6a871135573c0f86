import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { JobName, QueueName } from './queue-names.js';

export type JobHandler = (job: Job) => Promise<unknown>;

/** Housekeeping the api should not do on a request path. */
@Injectable()
export class MaintenanceProcessor {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  handlers(): Record<JobName<QueueName.MAINTENANCE>, JobHandler> {
    return {
      'purge-expired-sessions': async () => {
        const result = await this.db.query('DELETE FROM sessions WHERE expires_at <= now()');
        const purged = (result as [unknown, number])[1] ?? 0;
        this.logger.log(`purged ${purged} expired sessions`);
        return { purged };
      },
    };
  }
}

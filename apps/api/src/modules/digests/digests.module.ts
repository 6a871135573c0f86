import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName } from '../../queues/queue-names.js';
import { queueToken } from '../../queues/queues.module.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module.js';
import { AccountMail } from './account-mail.js';
import { DigestMailer } from './digest-mailer.js';
import { DigestPlanner } from './digest-planner.service.js';
import { DigestReader } from './digest-reader.js';
import { digestSectionsProvider } from './digest-sections.js';
import { DigestSender } from './digest-sender.service.js';
import { DigestsResolver } from './digests.resolver.js';
import { DigestsService } from './digests.service.js';

@Module({
  imports: [AccountsModule, SubscriptionsModule],
  providers: [AccountMail, digestSectionsProvider, DigestMailer, DigestPlanner, DigestReader, DigestSender, DigestsService, DigestsResolver],
  exports: [AccountMail, DigestPlanner, DigestReader, DigestSender, DigestsService],
})
export class DigestsModule implements OnApplicationShutdown {
  constructor(@Inject(queueToken(QueueName.DIGESTS)) private readonly queue: Queue) {}

  async onApplicationShutdown(): Promise<void> {
    // QueuesModule closes the queues it knows by name; this one is ours.
    await this.queue.close();
  }
}

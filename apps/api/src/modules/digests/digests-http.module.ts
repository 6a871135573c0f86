import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import { QueueName } from '../../queues/queue-names.js';
import { queueToken } from '../../queues/queues.module.js';
import { AccountsModule } from '../accounts/accounts.module.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { AccountsService } from '../accounts/accounts.service.js';
import { sessionTokenFrom } from '../accounts/session-cookie.js';
import { DigestsModule } from './digests.module.js';
import { EmailConfirmationController } from './email-confirmation.controller.js';
import { queueDashboard } from './queue-dashboard.js';
import { UnsubscribeController } from './unsubscribe.controller.js';

/** The HTTP-only parts of digests: one-click unsubscribe, email confirmation links and the admins' queue dashboard. */
@Module({
  imports: [DigestsModule, AccountsModule],
  controllers: [UnsubscribeController, EmailConfirmationController],
})
export class DigestsHttpModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(queueToken(QueueName.MAINTENANCE)) private readonly maintenance: Queue,
    @Inject(queueToken(QueueName.DIGESTS)) private readonly digests: Queue,
  ) {}

  /**
   * Registers the dashboard on the Fastify instance: Fastify loads it with the rest of the
   * app's plugins, before the server is ready to listen. Not wrapped in fastify-plugin, so
   * its access guard stays inside it.
   */
  onModuleInit(): void {
    const app = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!app) return;
    void app.register(queueDashboard([this.digests, this.maintenance], (req) => this.accounts.viewerForToken(sessionTokenFrom(req, this.config))));
  }
}

import { Module } from '@nestjs/common';
import { PolicyVersionNotifier } from './modules/notifications/policy-version-notifier.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { OutboxDelivery } from './modules/outbox/outbox-delivery.js';
import { OUTBOX_HANDLERS, type OutboxHandlers } from './modules/outbox/outbox-events.js';

/**
 * Which module handles each kind of outbox event: the one list, written out here where
 * the modules are put together (the outbox module depends on none of them). Both
 * processes build it, so the api refuses to start, like the worker, when a kind has no
 * handler; only the worker delivers (OutboxProcessor, in WorkerModule).
 */
@Module({
  imports: [NotificationsModule],
  providers: [
    {
      provide: OUTBOX_HANDLERS,
      inject: [PolicyVersionNotifier],
      useFactory: (policyVersions: PolicyVersionNotifier): OutboxHandlers => ({
        'policy-version-published': policyVersions,
      }),
    },
    OutboxDelivery,
  ],
  exports: [OutboxDelivery],
})
export class OutboxDeliveryModule {}

import { Module } from '@nestjs/common';
import { CitedSectionNotifier } from './modules/notifications/cited-section-notifier.js';
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
      inject: [CitedSectionNotifier],
      useFactory: (citedSections: CitedSectionNotifier): OutboxHandlers => ({
        'policy-version-published': citedSections,
      }),
    },
    OutboxDelivery,
  ],
  exports: [OutboxDelivery],
})
export class OutboxDeliveryModule {}

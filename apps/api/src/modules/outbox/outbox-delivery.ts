import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OUTBOX_HANDLERS, checkOutboxHandlers, type OutboxEventKind, type OutboxHandler, type OutboxHandlers } from './outbox-events.js';

/** The longest wait between two attempts at an event that keeps failing. */
export const MAX_BACKOFF_SECONDS = 600;
/** How long delivered events are kept for inspection. */
export const KEEP_DELIVERED_DAYS = 7;

export interface DeliveryReport {
  delivered: number;
  failed: number;
}

interface ClaimedEvent {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
}

/**
 * Delivers outbox events: only the worker calls it (the api writes events, never delivers
 * them). Each event is claimed with FOR UPDATE SKIP LOCKED, so concurrent deliveries (a
 * nudge and the sweep, two workers) never take the same one, and its handler's writes and
 * the "delivered" mark commit together: a crash at any point leaves the event either
 * delivered with its effects or undelivered without them.
 */
@Injectable()
export class OutboxDelivery {
  private readonly logger = new Logger('Outbox');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OUTBOX_HANDLERS) private readonly handlers: OutboxHandlers,
  ) {
    checkOutboxHandlers(handlers);
  }

  /** Delivers due events one by one until none is left (or `limit` were tried). */
  async deliverDue(limit = 1000): Promise<DeliveryReport> {
    const report: DeliveryReport = { delivered: 0, failed: 0 };
    for (let tried = 0; tried < limit; tried += 1) {
      const outcome = await this.deliverNext();
      if (outcome === 'none') break;
      report[outcome] += 1;
    }
    if (report.delivered || report.failed) this.logger.log(`delivered ${report.delivered} outbox event(s), ${report.failed} failed and will be retried`);
    return report;
  }

  /** Forgets delivered events once nobody needs to inspect them. */
  async purgeDelivered(): Promise<{ purged: number }> {
    const result = (await this.db.query(`DELETE FROM outbox_events WHERE delivered_at < now() - make_interval(days => $1)`, [KEEP_DELIVERED_DAYS])) as [unknown, number];
    return { purged: result[1] ?? 0 };
  }

  private deliverNext(): Promise<'delivered' | 'failed' | 'none'> {
    return this.db.transaction(async (tx) => {
      const [event] = (await tx.query(
        `SELECT id, kind, payload, attempts FROM outbox_events
          WHERE delivered_at IS NULL AND available_at <= now()
          ORDER BY available_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
      )) as ClaimedEvent[];
      if (!event) return 'none';
      // The handler's writes can be undone on their own, while the claim (the row lock) is kept to record the failure.
      await tx.query('SAVEPOINT outbox_handler');
      try {
        const handler = this.handlers[event.kind as OutboxEventKind] as OutboxHandler | undefined;
        // Only a row written by a newer release can name a kind this one does not know; it waits for that release.
        if (!handler) throw new Error(`no handler for "${event.kind}" in this release`);
        await handler.handle(tx, event.payload as never);
        await tx.query('RELEASE SAVEPOINT outbox_handler');
        await tx.query('UPDATE outbox_events SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1', [event.id]);
        return 'delivered';
      } catch (error) {
        await tx.query('ROLLBACK TO SAVEPOINT outbox_handler');
        const message = error instanceof Error ? error.message : String(error);
        // 1 s, 2 s, 4 s … up to ten minutes: a failure that lasts (PostgreSQL refusing a write, a bug) is not retried in a tight loop.
        await tx.query(
          `UPDATE outbox_events SET attempts = attempts + 1, last_error = $2,
                  available_at = now() + make_interval(secs => least(power(2, attempts), $3))
            WHERE id = $1`,
          [event.id, message.slice(0, 2000), MAX_BACKOFF_SECONDS],
        );
        this.logger.warn(`outbox event ${event.id} (${event.kind}) failed, attempt ${event.attempts + 1}: ${message}`);
        return 'failed';
      }
    });
  }
}

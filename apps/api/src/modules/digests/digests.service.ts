import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { QueueName } from '../../queues/queue-names.js';
import { queueToken } from '../../queues/queues.module.js';
import { DigestSender } from './digest-sender.service.js';
import { emailConfirmationTokenUser, verifyEmailConfirmationToken } from './email-confirmation.js';

/** What the api does with digests on a request: previews and one-click unsubscribes. */
@Injectable()
export class DigestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sender: DigestSender,
    @Inject(queueToken(QueueName.DIGESTS)) private readonly queue: Queue,
  ) {}

  /** Queues a preview when there is something to show; at most one per person per minute. */
  async requestPreview(userId: string): Promise<boolean> {
    if (!(await this.sender.hasPreviewContent(userId))) return false;
    await this.queue.add('send-digest-preview', { userId }, { jobId: `preview-${userId}-${Math.floor(Date.now() / 60_000)}`, attempts: 3, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: 1000, removeOnFail: 1000 });
    return true;
  }

  /** Queues a confirmation mail unless the address is confirmed already; at most one per person per minute. */
  async requestEmailConfirmation(userId: string): Promise<boolean> {
    const [row] = (await this.db.query('SELECT email_confirmed_at IS NOT NULL AS confirmed FROM notification_settings WHERE user_id = $1', [userId])) as { confirmed: boolean }[];
    if (row?.confirmed) return false;
    await this.queue.add('send-email-confirmation', { userId }, { jobId: `confirm-${userId}-${Math.floor(Date.now() / 60_000)}`, attempts: 3, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: 1000, removeOnFail: 1000 });
    return true;
  }

  /** The person a genuine confirmation token names, if it is still valid for their current address. */
  async userForConfirmationToken(secret: string, token: string): Promise<string | null> {
    const userId = emailConfirmationTokenUser(token);
    if (!userId) return null;
    const [user] = (await this.db.query('SELECT email FROM users WHERE id = $1', [userId])) as { email: string }[];
    return user && verifyEmailConfirmationToken(secret, token, user.email) ? userId : null;
  }

  /** Records that digests may go to the person's address. */
  async confirmEmail(userId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO notification_settings (user_id, email_confirmed_at) VALUES ($1, now())
       ON CONFLICT (user_id) DO UPDATE SET email_confirmed_at = COALESCE(notification_settings.email_confirmed_at, now()), updated_at = now()`,
      [userId],
    );
  }

  /** Turns digests off for the subscriber; true when they were on. */
  async unsubscribe(userId: string): Promise<boolean> {
    await this.db.query('INSERT INTO notification_settings (user_id, digest_frequency) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING', [userId, 'OFF']);
    const result = (await this.db.query(`UPDATE notification_settings SET digest_frequency = 'OFF', updated_at = now() WHERE user_id = $1 AND digest_frequency <> 'OFF'`, [
      userId,
    ])) as [unknown, number];
    return result[1] > 0;
  }

  async isSubscribed(userId: string): Promise<boolean | null> {
    const [row] = (await this.db.query(
      `SELECT u.id, COALESCE(s.digest_frequency::text, 'DAILY') AS frequency FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = $1`,
      [userId],
    )) as { frequency: string }[];
    return row ? row.frequency !== 'OFF' : null;
  }

  /**
   * Erasure, inside its transaction: the record of the person's digests goes (an SMTP error
   * kept there may quote their address). A digest job still queued finds no delivery and
   * stops; one already talking to the server cannot record itself and drops the message.
   */
  async eraseUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('DELETE FROM digest_deliveries WHERE user_id = $1', [userId]);
  }
}

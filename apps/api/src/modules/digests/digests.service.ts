import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { RateLimiter } from '../../common/rate-limiter.js';
import { QueueName } from '../../queues/queue-names.js';
import { queueToken } from '../../queues/queues.module.js';
import { SubscriptionsService } from '../subscriptions/subscriptions.service.js';
import { DigestSender } from './digest-sender.service.js';
import { DigestsException, DigestsExceptionCode } from './digests.exception.js';
import { emailConfirmationTokenUser, verifyEmailConfirmationToken } from './email-confirmation.js';

const DAY_SECONDS = 24 * 3600;
/** Previews one account may ask for in a day; each goes to its own confirmed address, so this is also the limit per address. */
export const PREVIEWS_PER_DAY = 5;
/** Confirmation links per day, per account and per address they go to. */
export const CONFIRMATIONS_PER_DAY = 5;
/**
 * Either kind of mail asked for from one network in a day, whatever the accounts: sign-up
 * lets a network open 20 accounts an hour, and this keeps them from being 20 senders.
 */
export const MAILS_PER_CLIENT_ADDRESS_PER_DAY = 30;

const JOB_OPTIONS = { attempts: 3, backoff: { type: 'exponential', delay: 2_000 }, removeOnComplete: 1000, removeOnFail: 1000 } as const;

interface MailStanding {
  email: string;
  confirmed: boolean;
  frequency: 'DAILY' | 'WEEKLY' | 'OFF';
}

/** What the api does with digests on a request: previews, confirmation links and one-click unsubscribes. */
@Injectable()
export class DigestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sender: DigestSender,
    private readonly rateLimiter: RateLimiter,
    private readonly subscriptions: SubscriptionsService,
    @Inject(queueToken(QueueName.DIGESTS)) private readonly queue: Queue,
  ) {}

  /**
   * Queues a preview when there is something to show. Only to a confirmed address whose
   * owner has digests on (the worker checks again when it sends), and at most
   * PREVIEWS_PER_DAY a day. A second click in the same minute joins the first one's job.
   */
  async requestPreview(userId: string, clientAddress: string): Promise<boolean> {
    const standing = await this.standing(userId);
    if (!standing?.confirmed) {
      throw new DigestsException(
        DigestsExceptionCode.EMAIL_NOT_CONFIRMED,
        'Confirm your email address first: previews, like digests, go only to a confirmed address. Ask for a confirmation link in your notification settings.',
      );
    }
    if (standing.frequency === 'OFF') {
      throw new DigestsException(DigestsExceptionCode.DIGESTS_TURNED_OFF, 'Your digests are turned off, so no preview is sent. Choose daily or weekly digests first.');
    }
    // Counted before the content is read: looking costs as much as sending.
    await this.rateLimiter.hit(`digest-preview:${userId}`, PREVIEWS_PER_DAY, DAY_SECONDS, `You can ask for ${PREVIEWS_PER_DAY} previews a day. Try again tomorrow.`);
    await this.rateLimiter.hit(`mail-ip:${clientAddress}`, MAILS_PER_CLIENT_ADDRESS_PER_DAY, DAY_SECONDS, 'Too many mails were asked for from your network today. Try again tomorrow.');
    if (!(await this.sender.hasPreviewContent(userId))) return false;
    await this.queue.add('send-digest-preview', { userId }, { ...JOB_OPTIONS, jobId: `preview-${userId}-${Math.floor(Date.now() / 60_000)}` });
    return true;
  }

  /**
   * Queues a confirmation mail unless the address is confirmed already. It goes to an
   * address nobody has confirmed yet, so it is the one mail limited by the address as well
   * as by the account and the network. A second click in the same minute joins the first one's job.
   */
  async requestEmailConfirmation(userId: string, clientAddress: string): Promise<boolean> {
    const standing = await this.standing(userId);
    if (!standing || standing.confirmed) return false;
    const tooMany = `We sent ${CONFIRMATIONS_PER_DAY} confirmation links today already. Look for them in your mail (and its spam folder), or try again tomorrow.`;
    await this.rateLimiter.hit(`email-confirmation:${userId}`, CONFIRMATIONS_PER_DAY, DAY_SECONDS, tooMany);
    await this.rateLimiter.hit(`email-confirmation-to:${standing.email}`, CONFIRMATIONS_PER_DAY, DAY_SECONDS, tooMany);
    await this.rateLimiter.hit(`mail-ip:${clientAddress}`, MAILS_PER_CLIENT_ADDRESS_PER_DAY, DAY_SECONDS, 'Too many mails were asked for from your network today. Try again tomorrow.');
    await this.queue.add('send-email-confirmation', { userId }, { ...JOB_OPTIONS, jobId: `confirm-${userId}-${Math.floor(Date.now() / 60_000)}` });
    return true;
  }

  /** Where the person's mail goes and whether we may send digests there; absent settings are the defaults (daily, unconfirmed). */
  private async standing(userId: string): Promise<MailStanding | null> {
    const [row] = (await this.db.query(
      `SELECT u.email, s.email_confirmed_at IS NOT NULL AS confirmed, COALESCE(s.digest_frequency::text, 'DAILY') AS frequency
         FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = $1 AND u.erased_at IS NULL`,
      [userId],
    )) as (Omit<MailStanding, 'confirmed'> & { confirmed: boolean | null })[];
    return row ? { ...row, confirmed: row.confirmed === true } : null;
  }

  /** The person a genuine confirmation token names, if it is still valid for their current address. */
  async userForConfirmationToken(secret: string, token: string): Promise<string | null> {
    const userId = emailConfirmationTokenUser(token);
    if (!userId) return null;
    const [user] = (await this.db.query('SELECT email FROM users WHERE id = $1', [userId])) as { email: string }[];
    return user && verifyEmailConfirmationToken(secret, token, user.email) ? userId : null;
  }

  /** Records that digests may go to the person's address (the setting is the subscriptions module's). */
  confirmEmail(userId: string): Promise<void> {
    return this.subscriptions.confirmEmail(userId);
  }

  /** Turns digests off for the subscriber; true when they were on. */
  unsubscribe(userId: string): Promise<boolean> {
    return this.subscriptions.turnDigestsOff(userId);
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

import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import DataLoader from 'dataloader';
import escapeHtml from 'escape-html';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { isUuid } from '../../common/ids.js';
import { byKeys } from '../../common/loaders.js';
import { composeMail } from './compose-mail.js';
import { buildContents, isEmpty, type DigestContent, type DigestSectionContributor, type DigestWindow } from './digest-content.js';
import { DigestMailer, MailDeliveryError } from './digest-mailer.js';
import { CommitUnconfirmed, DigestReader } from './digest-reader.js';
import { renderDigest } from './digest-renderer.js';
import { DIGEST_SECTIONS } from './digest-sections.js';
import { signEmailConfirmationToken } from './email-confirmation.js';
import { MAIL_TEXT_LIMITS, mailText } from './mail-text.js';
import { signUnsubscribeToken } from './unsubscribe-token.js';

export type DigestOutcome = 'SENT' | 'SKIPPED' | 'ALREADY_DONE' | 'FAILED';

interface DeliveryRow {
  id: string;
  userId: string;
  period: string;
  dueAt: Date;
  status: 'PLANNED' | 'SENT' | 'SKIPPED' | 'FAILED';
  email: string;
  displayName: string;
  frequency: 'DAILY' | 'WEEKLY' | 'OFF';
  confirmedAt: Date | null;
  watermark: Date;
}

/** A delivery as one read of a batch found it, with its content when it is still due. */
interface LoadedDelivery {
  delivery: DeliveryRow;
  /** Null unless the delivery is planned, wanted (digests on, address confirmed) and its window not empty. */
  content: DigestContent | null;
}

/** A digest to record as done; it covers (delivery.watermark, delivery.dueAt]. */
interface FinishRequest {
  delivery: DeliveryRow;
  status: 'SENT' | 'SKIPPED';
  messageId?: string;
  subject?: string;
  itemCount?: number;
  skipReason?: string;
  /** Sends the digest's final "."; called the moment its record's COMMIT has been written. */
  release?: () => void;
}

/**
 * Digests in flight in one worker are read and recorded together: the jobs that reach
 * the same step within this many milliseconds share one read (the deliveries and every
 * section) and one commit. Per digest, those statements and their round trips cost more
 * than everything else the job does; together they cost a fraction.
 */
const BATCH_WINDOW_MS = 5;
const MAX_BATCH = 100;

/** How long past its due time a delivery that keeps failing temporarily is retried. */
export const GIVE_UP_AFTER_MS = 24 * 3600_000;

/** Raised when a temporary problem should make BullMQ retry the job later. */
export class DigestRetryLater extends Error {}
/** Raised when retrying cannot help; the delivery is marked FAILED with the reason. */
export class DigestFailedPermanently extends Error {}

const LOAD_DELIVERIES_SQL = `
  SELECT d.id, d.user_id AS "userId", d.period, d.due_at AS "dueAt", d.status, u.email, u.display_name AS "displayName",
         s.digest_frequency AS frequency, s.email_confirmed_at AS "confirmedAt", s.digest_watermark AS watermark
    FROM digest_deliveries d JOIN users u ON u.id = d.user_id JOIN notification_settings s ON s.user_id = d.user_id
   WHERE d.id = ANY($1::uuid[])`;

const FINISH_SQL = `
  WITH i AS (
    SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::digest_delivery_status[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[], $8::int[], $9::text[])
      AS i(id, user_id, status, since, until, message_id, subject, item_count, skip_reason)
  ), locked AS (
    SELECT s.user_id, s.digest_watermark FROM notification_settings s WHERE s.user_id IN (SELECT user_id FROM i) ORDER BY s.user_id FOR UPDATE
  ), done AS (
    UPDATE digest_deliveries d
       SET status = i.status, covered_from = i.since, covered_until = i.until, message_id = i.message_id, subject = i.subject,
           item_count = i.item_count, skip_reason = i.skip_reason, attempts = d.attempts + 1, finished_at = now(), last_error = NULL
      FROM i JOIN locked l ON l.user_id = i.user_id AND l.digest_watermark = i.since
     WHERE d.id = i.id AND d.user_id = i.user_id AND d.status = 'PLANNED'
    RETURNING d.id, d.user_id, i.until
  ), moved AS (
    UPDATE notification_settings s SET digest_watermark = GREATEST(s.digest_watermark, done.until) FROM done WHERE s.user_id = done.user_id RETURNING 1
  )
  SELECT id FROM done`;

@Injectable()
export class DigestSender {
  private readonly logger = new Logger('Digests');
  private readonly deliveries: DataLoader<string, LoadedDelivery | null>;
  private readonly finishes: DataLoader<FinishRequest, boolean>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: DigestMailer,
    @Inject(DIGEST_SECTIONS) private readonly sections: readonly DigestSectionContributor[],
    private readonly reader: DigestReader,
  ) {
    const batching = { cache: false, maxBatchSize: MAX_BATCH, batchScheduleFn: (run: () => void) => setTimeout(run, BATCH_WINDOW_MS) };
    this.deliveries = new DataLoader((ids) => this.loadBatch(ids), batching);
    this.finishes = new DataLoader((requests) => this.finishBatch(requests), batching);
  }

  /**
   * Sends one planned digest at most once. Safe to run again, concurrently, or after a
   * crash at any point: the delivery row (unique per subscriber and period) is marked sent
   * together with the watermark, and only then is the message released to the server.
   */
  async sendPlanned(deliveryId: string, attempt: { made: number; max: number } = { made: 0, max: 1 }): Promise<DigestOutcome> {
    const loaded = isUuid(deliveryId) ? await this.deliveries.load(deliveryId) : null;
    if (!loaded) {
      this.logger.log(`skip delivery ${deliveryId}: it no longer exists`);
      return 'ALREADY_DONE';
    }
    const d = loaded.delivery;
    if (d.status !== 'PLANNED') {
      this.logger.log(`skip digest ${d.period} for ${d.userId}: already ${d.status.toLowerCase()}`);
      return 'ALREADY_DONE';
    }
    if (d.frequency === 'OFF' || !d.confirmedAt) {
      const reason = d.frequency === 'OFF' ? 'digests turned off' : 'email address not confirmed';
      await this.db.query(`UPDATE digest_deliveries SET status = 'SKIPPED', skip_reason = $2, finished_at = now() WHERE id = $1 AND status = 'PLANNED'`, [d.id, reason]);
      this.logger.log(`skip digest ${d.period} for ${d.userId}: ${reason}`);
      return 'SKIPPED';
    }
    const content = loaded.content ?? { sections: [] };
    if (isEmpty(content)) {
      const skipReason = d.watermark < d.dueAt ? 'nothing new' : 'covered by a later digest';
      const done = await this.finishes.load({ delivery: d, status: 'SKIPPED', skipReason });
      if (done) this.logger.log(`skip digest ${d.period} for ${d.userId}: ${skipReason}`);
      return done ? 'SKIPPED' : this.afterLostRace(d);
    }

    const messageId = `<digest.${d.id}@${new URL(this.config.publicUrl).hostname}>`;
    const unsubscribeUrl = this.unsubscribeUrl(d.userId);
    const rendered = renderDigest(content, { publicUrl: this.config.publicUrl, displayName: d.displayName, unsubscribeUrl, preview: false });
    const raw = await this.compose({ address: d.email, name: d.displayName }, rendered, messageId, unsubscribeUrl);
    const itemCount = content.sections.reduce((n, s) => n + s.items.length + s.more.reduce((m, x) => m + x.count, 0), 0);
    let committed = false;
    try {
      await this.mailer.send({ from: this.config.mailFrom, to: d.email, raw }, async (release) => {
        committed = await this.finishes.load({ delivery: d, status: 'SENT', messageId, subject: rendered.subject, itemCount, release });
        if (!committed) throw new AlreadyClaimed();
      });
      return 'SENT';
    } catch (error) {
      if (error instanceof AlreadyClaimed) return this.afterLostRace(d);
      if (error instanceof CommitUnconfirmed) {
        // Its "." went out with the COMMIT; if PostgreSQL did not keep the record, the retry sends it again.
        this.logger.warn(`digest ${d.period} for ${d.userId}: sent, but the record's commit is unconfirmed (${error.message}); a retry may send it twice`);
        throw new DigestRetryLater(error.message);
      }
      const failure = error instanceof MailDeliveryError ? error : new MailDeliveryError(error instanceof Error ? error.message : String(error), false);
      if (committed && failure.uncertain) {
        // Sending again could deliver it twice; keeping it as sent at worst loses this one digest.
        this.logger.warn(`digest ${d.period} for ${d.userId}: the connection failed after the final "." (${failure.message}); kept as sent`);
        return 'SENT';
      }
      // A temporary failure (the mail server away or deferring) that outlasts this job's
      // attempts leaves the delivery PLANNED: the next plan gives its job fresh attempts.
      // A day past due it is given up on; the watermark did not move, so the subscriber's
      // next digest covers what this one would have said.
      const final = failure.permanent || (attempt.made + 1 >= attempt.max && Date.now() - d.dueAt.getTime() > GIVE_UP_AFTER_MS);
      await this.recordFailure(d.id, committed, final, failure.message);
      if (final) {
        this.logger.warn(`digest ${d.period} for ${d.userId} failed for good: ${failure.message}`);
        throw new DigestFailedPermanently(failure.message);
      }
      throw new DigestRetryLater(failure.message);
    }
  }

  /** One read for a batch of deliveries: their rows, then every section for those still due, each section in one statement. */
  private async loadBatch(ids: readonly string[]): Promise<(LoadedDelivery | null)[]> {
    const rows = await this.reader.query<DeliveryRow>('load-deliveries', LOAD_DELIVERIES_SQL, [ids]);
    const due = rows.filter((d) => d.status === 'PLANNED' && d.frequency !== 'OFF' && d.confirmedAt && d.watermark < d.dueAt);
    const windows: DigestWindow[] = due.map((d) => ({ userId: d.userId, since: d.watermark, until: d.dueAt }));
    const contents = await buildContents(this.sections, windows, this.reader);
    const contentOf = new Map(due.map((d, i) => [d.id, contents[i]]));
    return byKeys(ids, rows, (d) => d.id, () => null, (delivery) => ({ delivery, content: contentOf.get(delivery.id) ?? null }));
  }

  /**
   * Records a batch of digests as done, in one statement: each delivery only if it is
   * still planned and its subscriber's watermark is still where its content started, and
   * each watermark moved to the end of what was covered. The settings rows are locked
   * first (FOR UPDATE, in one order): a concurrent batch waits for them and then compares
   * against the watermark as that batch left it, never the one its snapshot saw. A
   * subscriber's second delivery in the same batch loses, as it would have lost to the
   * first one anyway. The statement runs in a transaction whose COMMIT is written before
   * the recorded digests' final "." are released, with no wait for its reply between.
   */
  private async finishBatch(requests: readonly FinishRequest[]): Promise<boolean[]> {
    const claimed = new Set<string>();
    const eligible = requests.filter((r) => !claimed.has(r.delivery.userId) && claimed.add(r.delivery.userId));
    const column = <T>(pick: (r: FinishRequest) => T) => eligible.map(pick);
    const rows = await this.reader.commitReleasing<{ id: string }>('finish', FINISH_SQL, [
      column((r) => r.delivery.id),
      column((r) => r.delivery.userId),
      column((r) => r.status),
      column((r) => r.delivery.watermark),
      column((r) => r.delivery.dueAt),
      column((r) => r.messageId ?? null),
      column((r) => r.subject ?? null),
      column((r) => r.itemCount ?? null),
      column((r) => r.skipReason ?? null),
    ], (recorded) => {
      // Every recorded digest's "." leaves now, in the tick its COMMIT was written.
      const ids = new Set(recorded.map((r) => r.id));
      for (const r of eligible) if (ids.has(r.delivery.id)) r.release?.();
    });
    const done = new Set(rows.map((r) => r.id));
    return requests.map((r) => done.has(r.delivery.id));
  }

  /** A preview of what the coming digest would say so far; it neither counts nor moves the watermark. */
  async hasPreviewContent(userId: string): Promise<boolean> {
    const loaded = await this.loadPreview(userId);
    return loaded ? !isEmpty(loaded.content) : false;
  }

  /** Sends a queued preview, checking again that the address is confirmed and digests on: either may have changed since it was asked for. */
  async sendPreview(userId: string): Promise<boolean> {
    const loaded = await this.loadPreview(userId);
    if (!loaded) {
      this.logger.log(`skip preview for ${userId}: address not confirmed, digests turned off, or no such person`);
      return false;
    }
    if (isEmpty(loaded.content)) {
      this.logger.log(`skip preview for ${userId}: nothing new`);
      return false;
    }
    const { user, content } = loaded;
    const unsubscribeUrl = this.unsubscribeUrl(userId);
    const rendered = renderDigest(content, { publicUrl: this.config.publicUrl, displayName: user.displayName, unsubscribeUrl, preview: true });
    const messageId = `<digest-preview.${randomUUID()}@${new URL(this.config.publicUrl).hostname}>`;
    const raw = await this.compose({ address: user.email, name: user.displayName }, rendered, messageId, unsubscribeUrl);
    await this.mailer.send({ from: this.config.mailFrom, to: user.email, raw });
    return true;
  }

  /** The person's preview content, only when a digest could go to them now: a confirmed address, digests not off. */
  private async loadPreview(userId: string): Promise<{ user: { email: string; displayName: string }; content: DigestContent } | null> {
    if (!isUuid(userId)) return null;
    const [user] = await this.reader.query<{ email: string; displayName: string; watermark: Date }>(
      'load-preview',
      `SELECT u.email, u.display_name AS "displayName", s.digest_watermark AS watermark FROM notification_settings s JOIN users u ON u.id = s.user_id
        WHERE s.user_id = $1 AND s.email_confirmed_at IS NOT NULL AND s.digest_frequency <> 'OFF' AND u.erased_at IS NULL`,
      [userId],
    );
    if (!user) return null;
    const [content] = await buildContents(this.sections, [{ userId, since: user.watermark, until: new Date() }], this.reader);
    return { user, content };
  }

  /**
   * Mails a link that confirms the address digests go to; nothing when it is already
   * confirmed. The one mail that goes to an unconfirmed address: it says only what the
   * link is for, and the member's name in it is bounded and escaped like everywhere else.
   */
  async sendEmailConfirmation(userId: string): Promise<boolean> {
    const [user] = (await this.db.query(
      `SELECT u.email, u.display_name AS "displayName", s.email_confirmed_at AS "confirmedAt"
         FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = $1 AND u.erased_at IS NULL`,
      [userId],
    )) as { email: string; displayName: string; confirmedAt: Date | null }[];
    if (!user || user.confirmedAt) return false;
    const link = `${this.config.publicUrl}/email-confirmation/${signEmailConfirmationToken(this.config.appSecret, userId, user.email)}`;
    const name = mailText(user.displayName, MAIL_TEXT_LIMITS.name);
    const raw = await composeMail({
      from: this.config.mailFrom,
      to: { name, address: user.email },
      subject: 'Confirm your email address for Policy Commons digests',
      messageId: `<confirm.${randomUUID()}@${new URL(this.config.publicUrl).hostname}>`,
      date: new Date(),
      text: `Hello ${name},\n\nConfirm that digests may be sent to ${user.email}:\n${link}\n\nThe link works for a week. If you did not ask for this, ignore this message.\n`,
      html: `<p>Hello ${escapeHtml(name)},</p><p>Confirm that digests may be sent to ${escapeHtml(user.email)}:</p><p><a href="${escapeHtml(link)}">Confirm my email address</a></p><p>The link works for a week. If you did not ask for this, ignore this message.</p>`,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    await this.mailer.send({ from: this.config.mailFrom, to: user.email, raw });
    return true;
  }

  unsubscribeUrl(userId: string): string {
    return `${this.config.publicUrl}/unsubscribe/${signUnsubscribeToken(this.config.appSecret, userId)}`;
  }

  private compose(to: { address: string; name: string }, rendered: { subject: string; text: string; html: string }, messageId: string, unsubscribeUrl: string): Promise<Buffer> {
    return composeMail({
      from: this.config.mailFrom,
      to,
      subject: rendered.subject,
      messageId,
      date: new Date(),
      text: rendered.text,
      html: rendered.html,
      headers: {
        // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to this URL.
        'List-Unsubscribe': `<${unsubscribeUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        'Auto-Submitted': 'auto-generated',
        Precedence: 'bulk',
      },
    });
  }

  /** Another run got there first, or the watermark moved under us: look again, later. */
  private async afterLostRace(d: DeliveryRow): Promise<DigestOutcome> {
    const [now] = await this.reader.query<{ status: string }>('delivery-status', 'SELECT status FROM digest_deliveries WHERE id = $1', [d.id]);
    if (!now || now.status !== 'PLANNED') {
      this.logger.log(`skip digest ${d.period} for ${d.userId}: finished by another run`);
      return 'ALREADY_DONE';
    }
    throw new DigestRetryLater('the watermark moved while the digest was being built');
  }

  /** Undoes a commit whose message the server then refused, and records the error. */
  private async recordFailure(id: string, committed: boolean, final: boolean, error: string): Promise<void> {
    await this.db.query(
      `WITH back AS (
         UPDATE digest_deliveries SET status = $3::digest_delivery_status, last_error = $4, message_id = NULL,
                finished_at = CASE WHEN $3 = 'FAILED' THEN now() END,
                attempts = attempts + CASE WHEN $2 THEN 0 ELSE 1 END
          WHERE id = $1 AND status = CASE WHEN $2 THEN 'SENT' ELSE 'PLANNED' END::digest_delivery_status
          RETURNING user_id, covered_from, covered_until
       )
       UPDATE notification_settings s SET digest_watermark = back.covered_from
         FROM back WHERE $2 AND s.user_id = back.user_id AND s.digest_watermark = back.covered_until`,
      [id, committed, final ? 'FAILED' : 'PLANNED', error.slice(0, 500)],
    );
  }
}

class AlreadyClaimed extends Error {}

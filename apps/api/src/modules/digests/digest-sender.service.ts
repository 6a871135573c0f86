import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { isUuid } from '../../common/ids.js';
import { DigestContributors, isEmpty, type DigestContent } from './digest-content.js';
import { DigestMailer, MailDeliveryError } from './digest-mailer.js';
import { buildDigestMessage } from './digest-mime.js';
import { DigestReader } from './digest-reader.js';
import { renderDigest } from './digest-renderer.js';
import { newQuestionsSection, watchedQuestionsSection } from './forum-digest-sections.js';
import { policyVersionsSection, staleCitationsSection } from './policy-digest-sections.js';
import { signEmailConfirmationToken } from './email-confirmation.js';
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

/** Raised when a temporary problem should make BullMQ retry the job later. */
export class DigestRetryLater extends Error {}
/** Raised when retrying cannot help; the delivery is marked FAILED with the reason. */
export class DigestFailedPermanently extends Error {}

@Injectable()
export class DigestSender implements OnApplicationShutdown {
  private readonly logger = new Logger('Digests');
  private readonly reader: DigestReader;
  private readonly statements = new Map<string, { name: string; text: string }>();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly mailer: DigestMailer,
    private readonly contributors: DigestContributors,
  ) {
    this.reader = new DigestReader(config.databaseUrl, 8);
    contributors.register(newQuestionsSection);
    contributors.register(watchedQuestionsSection);
    contributors.register(policyVersionsSection);
    contributors.register(staleCitationsSection);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.reader.close();
  }

  /** Turns the section columns of a loaded row into the digest's content, in section order. */
  private contentOf(row: Record<string, unknown>): DigestContent {
    const sections = [];
    for (const [i, contributor] of this.contributors.all().entries()) {
      const section = contributor.build((row[`section${i}`] as Record<string, unknown>[] | null) ?? []);
      if (section && (section.items.length || section.more.length)) sections.push(section);
    }
    return { sections };
  }

  /**
   * The statement that loads a delivery (or a preview window) together with every
   * section's rows: one round trip. Prepared once per process and contributor set.
   */
  private statement(kind: 'delivery' | 'preview'): { name: string; text: string } {
    const contributors = this.contributors.all();
    const name = `${kind}:${contributors.map((c) => c.key).join(',')}`;
    const cached = this.statements.get(name);
    if (cached) return cached;
    const window =
      kind === 'delivery'
        ? `SELECT d.id, d.user_id AS "userId", d.period, d.due_at AS "dueAt", d.status, u.email, u.display_name AS "displayName",
                  s.digest_frequency AS frequency, s.email_confirmed_at AS "confirmedAt", s.digest_watermark AS watermark,
                  s.digest_watermark AS since, d.due_at AS until
             FROM digest_deliveries d JOIN users u ON u.id = d.user_id JOIN notification_settings s ON s.user_id = d.user_id
            WHERE d.id = $1`
        : `SELECT s.user_id AS "userId", u.email, u.display_name AS "displayName", s.digest_watermark AS since, now() AS until
             FROM notification_settings s JOIN users u ON u.id = s.user_id WHERE s.user_id = $1`;
    const sections = contributors.map((c, i) => {
      const sql = c.sql.replace(/(?<!:):userId\b/g, 'w."userId"').replace(/(?<!:):since\b/g, 'w.since').replace(/(?<!:):until\b/g, 'w.until');
      return `(SELECT coalesce(json_agg(x), '[]'::json) FROM (${sql}) x) AS section${i}`;
    });
    const statement = { name: `digest-${this.statements.size}-${kind}`, text: `WITH w AS (${window}) SELECT w.*${sections.map((s) => `, ${s}`).join('')} FROM w` };
    this.statements.set(name, statement);
    return statement;
  }

  /**
   * Sends one planned digest at most once. Safe to run again, concurrently, or after a
   * crash at any point: the delivery row (unique per subscriber and period) is marked sent
   * together with the watermark, and only then is the message released to the server.
   */
  async sendPlanned(deliveryId: string, attempt: { made: number; max: number } = { made: 0, max: 1 }): Promise<DigestOutcome> {
    const statement = this.statement('delivery');
    const [loaded] = await this.reader.query<DeliveryRow & Record<string, unknown>>(statement.name, statement.text, [deliveryId]);
    const d = loaded ?? null;
    if (!d) {
      this.logger.log(`skip delivery ${deliveryId}: it no longer exists`);
      return 'ALREADY_DONE';
    }
    if (d.status !== 'PLANNED') {
      this.logger.log(`skip digest ${d.period} for ${d.userId}: already ${d.status.toLowerCase()}`);
      return 'ALREADY_DONE';
    }
    if (d.frequency === 'OFF' || !d.confirmedAt) {
      await this.db.query(`UPDATE digest_deliveries SET status = 'SKIPPED', skip_reason = $2, finished_at = now() WHERE id = $1 AND status = 'PLANNED'`, [
        d.id,
        d.frequency === 'OFF' ? 'digests turned off' : 'email address not confirmed',
      ]);
      this.logger.log(`skip digest ${d.period} for ${d.userId}: ${d.frequency === 'OFF' ? 'digests turned off' : 'email not confirmed'}`);
      return 'SKIPPED';
    }
    const since = new Date(d.watermark);
    const until = new Date(d.dueAt);
    const content = since < until ? this.contentOf(loaded) : { sections: [] };
    if (isEmpty(content)) {
      const done = await this.finish(d, 'SKIPPED', since, until, { skipReason: since < until ? 'nothing new' : 'covered by a later digest' });
      if (done) this.logger.log(`skip digest ${d.period} for ${d.userId}: nothing new`);
      return done ? 'SKIPPED' : this.afterLostRace(d);
    }

    const messageId = `<digest.${d.id}@${new URL(this.config.publicUrl).hostname}>`;
    const unsubscribeUrl = this.unsubscribeUrl(d.userId);
    const rendered = renderDigest(content, { publicUrl: this.config.publicUrl, displayName: d.displayName, unsubscribeUrl, preview: false });
    const raw = this.compose(d.email, rendered, messageId, unsubscribeUrl);
    const itemCount = content.sections.reduce((n, s) => n + s.items.length + s.more.reduce((m, x) => m + x.count, 0), 0);
    let committed = false;
    try {
      await this.mailer.send({ from: this.config.mailFrom, to: d.email, raw }, async () => {
        committed = await this.finish(d, 'SENT', since, until, { messageId, subject: rendered.subject, itemCount });
        if (!committed) throw new AlreadyClaimed();
      });
      return 'SENT';
    } catch (error) {
      if (error instanceof AlreadyClaimed) return this.afterLostRace(d);
      const failure = error instanceof MailDeliveryError ? error : new MailDeliveryError(error instanceof Error ? error.message : String(error), false);
      if (committed && failure.uncertain) {
        // Sending again could deliver it twice; keeping it as sent at worst loses this one digest.
        this.logger.warn(`digest ${d.period} for ${d.userId}: the connection failed after the final "." (${failure.message}); kept as sent`);
        return 'SENT';
      }
      const final = failure.permanent || attempt.made + 1 >= attempt.max;
      await this.recordFailure(d.id, committed, final, failure.message);
      if (final) {
        this.logger.warn(`digest ${d.period} for ${d.userId} failed for good: ${failure.message}`);
        throw new DigestFailedPermanently(failure.message);
      }
      throw new DigestRetryLater(failure.message);
    }
  }

  /** A preview of what the coming digest would say so far; it neither counts nor moves the watermark. */
  async hasPreviewContent(userId: string): Promise<boolean> {
    const loaded = await this.loadPreview(userId);
    return loaded ? !isEmpty(loaded.content) : false;
  }

  async sendPreview(userId: string): Promise<boolean> {
    const loaded = await this.loadPreview(userId);
    if (!loaded || isEmpty(loaded.content)) {
      this.logger.log(`skip preview for ${userId}: nothing new`);
      return false;
    }
    const { user, content } = loaded;
    const unsubscribeUrl = this.unsubscribeUrl(userId);
    const rendered = renderDigest(content, { publicUrl: this.config.publicUrl, displayName: user.displayName, unsubscribeUrl, preview: true });
    const messageId = `<digest-preview.${randomUUID()}@${new URL(this.config.publicUrl).hostname}>`;
    await this.mailer.send({ from: this.config.mailFrom, to: user.email, raw: this.compose(user.email, rendered, messageId, unsubscribeUrl) });
    return true;
  }

  private async loadPreview(userId: string): Promise<{ user: { email: string; displayName: string }; content: DigestContent } | null> {
    if (!isUuid(userId)) return null;
    const statement = this.statement('preview');
    const [row] = await this.reader.query<{ email: string; displayName: string } & Record<string, unknown>>(statement.name, statement.text, [userId]);
    return row ? { user: row, content: this.contentOf(row) } : null;
  }

  /** Mails a link that confirms the address digests go to; nothing when it is already confirmed. */
  async sendEmailConfirmation(userId: string): Promise<boolean> {
    const [user] = (await this.db.query(
      `SELECT u.email, u.display_name AS "displayName", s.email_confirmed_at AS "confirmedAt"
         FROM users u LEFT JOIN notification_settings s ON s.user_id = u.id WHERE u.id = $1`,
      [userId],
    )) as { email: string; displayName: string; confirmedAt: Date | null }[];
    if (!user || user.confirmedAt) return false;
    const link = `${this.config.publicUrl}/email-confirmation/${signEmailConfirmationToken(this.config.appSecret, userId, user.email)}`;
    const raw = buildDigestMessage({
      from: this.config.mailFrom,
      to: user.email,
      subject: 'Confirm your email address for Policy Commons digests',
      messageId: `<confirm.${randomUUID()}@${new URL(this.config.publicUrl).hostname}>`,
      date: new Date(),
      text: `Hello ${user.displayName},\n\nConfirm that digests may be sent to ${user.email}:\n${link}\n\nThe link works for a week. If you did not ask for this, ignore this message.\n`,
      html: `<p>Hello ${escapeHtml(user.displayName)},</p><p>Confirm that digests may be sent to ${escapeHtml(user.email)}:</p><p><a href="${escapeHtml(link)}">Confirm my email address</a></p><p>The link works for a week. If you did not ask for this, ignore this message.</p>`,
      headers: [['Auto-Submitted', 'auto-generated']],
    });
    await this.mailer.send({ from: this.config.mailFrom, to: user.email, raw });
    return true;
  }

  unsubscribeUrl(userId: string): string {
    return `${this.config.publicUrl}/unsubscribe/${signUnsubscribeToken(this.config.appSecret, userId)}`;
  }

  private compose(to: string, rendered: { subject: string; text: string; html: string }, messageId: string, unsubscribeUrl: string): Buffer {
    return buildDigestMessage({
      from: this.config.mailFrom,
      to,
      subject: rendered.subject,
      messageId,
      date: new Date(),
      text: rendered.text,
      html: rendered.html,
      headers: [
        // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to this URL.
        ['List-Unsubscribe', `<${unsubscribeUrl}>`],
        ['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click'],
        ['Auto-Submitted', 'auto-generated'],
        ['Precedence', 'bulk'],
      ],
    });
  }

  private async loadDelivery(id: string): Promise<DeliveryRow | null> {
    const [row] = await this.reader.query<DeliveryRow>(
      'load-delivery',
      `SELECT d.id, d.user_id AS "userId", d.period, d.due_at AS "dueAt", d.status, u.email, u.display_name AS "displayName",
              s.digest_frequency AS frequency, s.email_confirmed_at AS "confirmedAt", s.digest_watermark AS watermark
         FROM digest_deliveries d JOIN users u ON u.id = d.user_id JOIN notification_settings s ON s.user_id = d.user_id
        WHERE d.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /**
   * Marks the delivery done and moves the watermark, in one statement, only if the
   * delivery is still planned and the watermark is still where the content started.
   */
  private async finish(
    d: DeliveryRow,
    status: 'SENT' | 'SKIPPED',
    since: Date,
    until: Date,
    details: { messageId?: string; subject?: string; itemCount?: number; skipReason?: string },
  ): Promise<boolean> {
    const [row] = await this.reader.query<{ finished: number }>(
      'finish',
      `WITH done AS (
         UPDATE digest_deliveries SET status = $2, covered_from = $3, covered_until = $4, message_id = $5, subject = $6,
                item_count = $7, skip_reason = $8, attempts = attempts + 1, finished_at = now(), last_error = NULL
          WHERE id = $1 AND status = 'PLANNED'
            AND EXISTS (SELECT 1 FROM notification_settings s WHERE s.user_id = digest_deliveries.user_id AND s.digest_watermark = $3)
          RETURNING user_id
       ), moved AS (
         UPDATE notification_settings s SET digest_watermark = GREATEST(s.digest_watermark, $4)
           FROM done WHERE s.user_id = done.user_id RETURNING 1
       )
       SELECT (SELECT count(*) FROM done)::int AS finished`,
      [d.id, status, since, until, details.messageId ?? null, details.subject ?? null, details.itemCount ?? null, details.skipReason ?? null],
    );
    return row.finished === 1;
  }

  /** Another run got there first, or the watermark moved under us: look again, later. */
  private async afterLostRace(d: DeliveryRow): Promise<DigestOutcome> {
    const now = await this.loadDelivery(d.id);
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

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import escapeHtml from 'escape-html';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { AccountsService, PASSWORD_RESET_MINUTES } from '../accounts/accounts.service.js';
import { composeMail } from './compose-mail.js';
import { DigestMailer } from './digest-mailer.js';
import { MAIL_TEXT_LIMITS, mailText } from './mail-text.js';

/**
 * Mail about a person's account (not digests), sent by the worker over the digests'
 * SMTP pool and composed like them (compose-mail.ts).
 */
@Injectable()
export class AccountMail {
  private readonly logger = new Logger('AccountMail');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsService,
    private readonly mailer: DigestMailer,
  ) {}

  /** Mails the link for an open reset; nothing when it was used, expired or the account erased. */
  async sendPasswordReset(resetId: string): Promise<boolean> {
    const reset = await this.accounts.issuePasswordResetToken(resetId);
    if (!reset) {
      this.logger.log(`skip password reset ${resetId}: no longer open`);
      return false;
    }
    const link = `${this.config.publicUrl}/reset-password/${reset.token}`;
    const intro = `Someone (we hope you) asked to set a new password for the Policy Commons account of ${reset.email}.`;
    const validity = `The link works once, for ${PASSWORD_RESET_MINUTES} minutes. Using it signs you out everywhere else.`;
    const ignore = 'If you did not ask for this, ignore this message: your password stays as it is.';
    const name = mailText(reset.displayName, MAIL_TEXT_LIMITS.name);
    const raw = await composeMail({
      from: this.config.mailFrom,
      to: { name, address: reset.email },
      subject: 'Set a new password for Policy Commons',
      messageId: `<password-reset.${randomUUID()}@${new URL(this.config.publicUrl).hostname}>`,
      date: new Date(),
      headers: { 'Auto-Submitted': 'auto-generated' },
      text: `Hello ${name},\n\n${intro}\n\nChoose a new password here:\n${link}\n\n${validity}\n${ignore}\n`,
      html:
        `<p>Hello ${escapeHtml(name)},</p><p>${escapeHtml(intro)}</p>` +
        `<p><a href="${escapeHtml(link)}">Choose a new password</a></p><p>${escapeHtml(validity)}</p><p>${escapeHtml(ignore)}</p>`,
    });
    await this.mailer.send({ from: this.config.mailFrom, to: reset.email, raw });
    return true;
  }
}

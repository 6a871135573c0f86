import { createTransport } from 'nodemailer';
import { MAIL_TEXT_LIMITS, mailText } from './mail-text.js';

/** A message for `composeMail`; `DigestMailer.send` delivers what it returns. */
export interface MailToCompose {
  /** MAIL_FROM as the operator wrote it, e.g. `Policy Commons <digest@example.org>`. */
  from: string;
  /** The recipient's name is the member's own choice: it is made one bounded line before it meets a header. */
  to: { name?: string; address: string };
  subject: string;
  messageId: string;
  date: Date;
  text: string;
  html: string;
  /** Extra headers we write ourselves (List-Unsubscribe and friends), never member text. */
  headers?: Record<string, string>;
}

/**
 * nodemailer's composer behind its public stream transport: it builds the whole message
 * and hands it back instead of sending it, so `DigestMailer` can still hold back the final
 * "." (see digest-mailer.ts). Header folding, RFC 2047 encoded words, internationalised
 * addresses (punycode domains, UTF-8 local parts) and each part's transfer encoding are
 * its business. Replaces a hand-written MIME builder that folded nothing and could not
 * carry a non-ASCII address; it was faster, for a throughput target since retired.
 */
const composer = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });

export async function composeMail(mail: MailToCompose): Promise<Buffer> {
  const name = mail.to.name === undefined ? '' : mailText(mail.to.name, MAIL_TEXT_LIMITS.name);
  const info = await composer.sendMail({
    from: mail.from,
    to: name ? { name, address: mail.to.address } : mail.to.address,
    // Our own words with counts in them, but a header all the same: one line.
    subject: mailText(mail.subject, 300),
    messageId: mail.messageId,
    date: mail.date,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    // Nothing here names a file or an address to fetch; nothing should be able to make the composer read one.
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  if (!Buffer.isBuffer(info.message)) throw new Error('the mail composer returned a stream, not the whole message');
  return info.message;
}

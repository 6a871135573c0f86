import { simpleParser } from 'mailparser';
import { composeMail } from './compose-mail.js';

const headerBlock = (raw: Buffer) => raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('utf8');

describe('composing mail with nodemailer', () => {
  it('folds long headers and carries non-ASCII names and addresses, read back by a mail parser', async () => {
    const subject = `12 new questions, 3 new answers — your Policy Commons digest for the Ångström working group ${'é'.repeat(40)}`;
    const raw = await composeMail({
      from: 'Zoë Ångström <zoë@exämple.org>',
      to: { name: 'Ærøskøbing Sogneråd', address: 'kasserer@ærø.dk' },
      subject,
      messageId: '<digest.1@example.org>',
      date: new Date('2026-11-24T08:00:00Z'),
      text: 'Hello Zoë,\n. a line that starts with a dot\n',
      html: '<p>Hello <b>Zoë</b> ✓</p>',
      headers: { 'List-Unsubscribe': `<https://forum.example.org/unsubscribe/${'t'.repeat(120)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    const head = headerBlock(raw);
    // Folded: continuation lines, and none over 78 characters but the one unbreakable address.
    expect(head).toMatch(/\r\n[ \t]/);
    expect(head.split('\r\n').filter((line) => line.length > 78 && !line.includes('/unsubscribe/'))).toEqual([]);
    expect(head.split('\r\n').find((line) => line.startsWith('Subject:'))!.length).toBeLessThanOrEqual(78);

    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(subject);
    expect(mail.from?.value).toEqual([{ name: 'Zoë Ångström', address: 'zoë@exämple.org' }]);
    // The domain travels as punycode; the parser shows it as written.
    expect(head).toContain('<kasserer@xn--r-3fa9c.dk>');
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([{ name: 'Ærøskøbing Sogneråd', address: 'kasserer@ærø.dk' }]);
    expect(mail.text).toBe('Hello Zoë,\n. a line that starts with a dot\n');
    expect(mail.html).toBe('<p>Hello <b>Zoë</b> ✓</p>');
    expect(mail.messageId).toBe('<digest.1@example.org>');
    expect(mail.date?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    const line = (key: string) => mail.headerLines.find((h) => h.key === key)?.line.replace(/\r\n[ \t]+/g, ' ');
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(line('list-unsubscribe')).toBe(`List-Unsubscribe: <https://forum.example.org/unsubscribe/${'t'.repeat(120)}>`);
  });

  it('never lets a recipient name add a header, and bounds it', async () => {
    const raw = await composeMail({
      from: 'Policy Commons <digest@example.org>',
      to: { name: `Mallory\r\nBcc: everyone@example.org\r\n<script>alert(1)</script>${'m'.repeat(10_000)}`, address: 'mallory@example.org' },
      subject: 'Confirm\r\nBcc: everyone@example.org',
      messageId: '<confirm.1@example.org>',
      date: new Date('2026-11-24T08:00:00Z'),
      text: 'Hello',
      html: '<p>Hello</p>',
    });
    const mail = await simpleParser(raw);
    expect(mail.bcc).toBeUndefined();
    expect(headerBlock(raw)).not.toMatch(/^bcc:/im);
    const to = mail.to && !Array.isArray(mail.to) ? mail.to.value : [];
    expect(to).toHaveLength(1);
    expect(to[0].address).toBe('mallory@example.org');
    expect(to[0].name).toMatch(/^Mallory Bcc: everyone@example\.org <script>alert\(1\)<\/script>m+…$/);
    expect([...to[0].name].length).toBe(80);
    expect(mail.subject).toBe('Confirm Bcc: everyone@example.org');
  });
});

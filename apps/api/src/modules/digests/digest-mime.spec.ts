import { simpleParser } from 'mailparser';
import { buildDigestMessage } from './digest-mime.js';

describe('digest MIME', () => {
  it('reads back with a mail parser: encoded subject and name, both parts, extra headers', async () => {
    const subject = `12 new questions, 3 new answers — your Policy Commons digest ${'é'.repeat(40)}`;
    const raw = buildDigestMessage({
      from: 'Politique Commune Équipe <digest@example.org>',
      to: 'dana@example.org',
      subject,
      messageId: '<digest.1@example.org>',
      date: new Date('2026-11-24T08:00:00Z'),
      text: 'Hello Dana,\n. a line that starts with a dot\n',
      html: '<p>Hello <b>Dana</b> ✓</p>',
      headers: [['List-Unsubscribe-Post', 'List-Unsubscribe=One-Click']],
    });
    expect(raw.toString('latin1').split('\r\n').every((line) => line.length <= 78)).toBe(true);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(subject);
    expect(mail.from?.value).toEqual([{ name: 'Politique Commune Équipe', address: 'digest@example.org' }]);
    expect(mail.text).toBe('Hello Dana,\n. a line that starts with a dot\n');
    expect(mail.html).toBe('<p>Hello <b>Dana</b> ✓</p>');
    expect(mail.messageId).toBe('<digest.1@example.org>');
    expect(mail.date?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
    expect(mail.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });
});

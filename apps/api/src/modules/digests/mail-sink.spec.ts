import { composeMail } from './compose-mail.js';
import { MailSink } from './mail-sink.js';
import { DigestMailer } from './digest-mailer.js';
import type { AppConfig } from '../../config/app-config.js';

describe('the local mail sink', () => {
  let sink: MailSink;
  let mailer: DigestMailer;

  beforeAll(async () => {
    sink = await new MailSink({ smtpPort: 0, httpPort: 0 }).start();
    mailer = new DigestMailer({ smtpUrl: `smtp://127.0.0.1:${sink.smtpPort}` } as AppConfig);
  });

  afterAll(async () => {
    await mailer.onApplicationShutdown();
    await sink.stop();
  });

  it('lists and shows subjects as people read them, not as RFC 2047 encoded words', async () => {
    const subject = '3 new answers — your Policy Commons digest für Dana';
    const raw = await composeMail({
      from: 'Policy Commons <digest@example.org>',
      to: { address: 'dana@example.org' },
      subject,
      messageId: '<digest.sink@example.org>',
      date: new Date('2026-11-24T08:00:00Z'),
      text: 'Hello Dana',
      html: '<p>Hello Dana</p>',
    });
    expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m);
    await mailer.send({ from: 'digest@example.org', to: 'dana@example.org', raw });
    await sink.waitFor(1);

    const list = await (await fetch(`http://127.0.0.1:${sink.httpPort}/`)).text();
    expect(list).toContain(`>${subject}</a>`);
    expect(list).not.toContain('=?UTF-8?');

    const page = await (await fetch(`http://127.0.0.1:${sink.httpPort}/messages/1`)).text();
    expect(page).toContain(`<td>${subject}</td>`);
    expect(page).not.toContain('=?UTF-8?');
  });

  it('delivers nothing when the sender hangs up before the final ".", and notes where it stopped', async () => {
    const raw = await composeMail({
      from: 'Policy Commons <digest@example.org>',
      to: { address: 'eli@example.org' },
      subject: 'Never finished',
      messageId: '<digest.unfinished@example.org>',
      date: new Date(),
      text: 'Hello Eli',
      html: '<p>Hello Eli</p>',
    });
    const before = sink.messages.length;
    const gone = new Error('the record failed');
    await expect(mailer.send({ from: 'digest@example.org', to: 'eli@example.org', raw }, () => Promise.reject(gone))).rejects.toBe(gone);
    for (let i = 0; i < 100 && sink.interrupted.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(sink.messages).toHaveLength(before);
    expect(sink.interrupted).toEqual([expect.objectContaining({ envelopeTo: ['eli@example.org'] })]);
    expect(sink.interrupted[0].headers.get('message-id')).toBe('<digest.unfinished@example.org>');
  });
});

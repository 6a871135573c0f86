import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { AppConfig } from '../../config/app-config.js';
import { composeMail } from './compose-mail.js';
import { DigestMailer, MailDeliveryError } from './digest-mailer.js';
import { MailSink } from './mail-sink.js';

const apiPackage = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../package.json'), 'utf8')) as { dependencies: Record<string, string> };

function installedVersion(name: string): string {
  let dir = dirname(createRequire(import.meta.url).resolve(name));
  for (;;) {
    try {
      const found = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version: string };
      if (found.name === name) return found.version;
    } catch {
      // not a package root: look further up
    }
    if (dirname(dir) === dir) throw new Error(`${name} is not installed`);
    dir = dirname(dir);
  }
}

/**
 * DigestMailer drives nodemailer's SMTPConnection (`nodemailer/lib/smtp-connection`), a
 * path inside the package rather than its public API: no public transport lets the sender
 * act between the server's "354" and the final "." (digests record themselves there). So
 * nodemailer is pinned to one version, and these tests fail on an upgrade until someone
 * has checked that the connection still behaves as the exactly-once design needs.
 */
describe('the digest mailer on nodemailer’s SMTP connection', () => {
  it('runs on the pinned nodemailer: change the pin only after checking SMTPConnection still holds back the final "."', () => {
    expect(apiPackage.dependencies.nodemailer).toBe('10.6.1');
    expect(installedVersion('nodemailer')).toBe(apiPackage.dependencies.nodemailer);
    for (const method of ['connect', 'login', 'send', 'close', 'quit'] as const) expect(typeof SMTPConnection.prototype[method]).toBe('function');
  });

  describe('against a real SMTP server', () => {
    let sink: MailSink;
    let mailer: DigestMailer;
    const rcptSeen: string[] = [];

    beforeAll(async () => {
      sink = await new MailSink({
        smtpPort: 0,
        refuse: (address) => {
          rcptSeen.push(address);
          return address.startsWith('nobody@') ? { code: 550, message: 'No such mailbox' } : null;
        },
      }).start();
      mailer = new DigestMailer({ smtpUrl: `smtp://127.0.0.1:${sink.smtpPort}` } as AppConfig);
    });
    afterAll(async () => {
      await mailer.onApplicationShutdown();
      await sink.stop();
    });

    const message = (to: string, subject: string) =>
      composeMail({ from: 'Policy Commons <digest@example.org>', to: { address: to }, subject, messageId: `<${subject}@example.org>`, date: new Date(), text: 'Hello', html: '<p>Hello</p>' });

    it('calls beforeCommit after the server accepted the envelope and before the message is complete there', async () => {
      const seen: { rcpt: string[]; delivered: number }[] = [];
      await mailer.send({ from: 'digest@example.org', to: 'ada@example.org', raw: await message('ada@example.org', 'first') }, async () => {
        seen.push({ rcpt: [...rcptSeen], delivered: sink.messages.length });
      });
      await sink.waitFor(1);
      expect(seen).toEqual([{ rcpt: ['ada@example.org'], delivered: 0 }]);
      expect(sink.messages.map((m) => m.headers.get('subject'))).toEqual(['first']);
    });

    it('leaves no mail at the server when beforeCommit fails: the connection is dropped before the final "."', async () => {
      const claimed = new Error('another worker recorded this digest');
      await expect(mailer.send({ from: 'digest@example.org', to: 'bo@example.org', raw: await message('bo@example.org', 'dropped') }, () => Promise.reject(claimed))).rejects.toBe(claimed);
      await mailer.send({ from: 'digest@example.org', to: 'bo@example.org', raw: await message('bo@example.org', 'after') });
      await sink.waitFor(2);
      expect(sink.messages.map((m) => m.headers.get('subject'))).toEqual(['first', 'after']);
    });

    it('never calls beforeCommit for a refused recipient, and reports the refusal as permanent', async () => {
      let called = false;
      const refused = mailer.send({ from: 'digest@example.org', to: 'nobody@example.org', raw: await message('nobody@example.org', 'refused') }, async () => {
        called = true;
      });
      await expect(refused).rejects.toMatchObject({ name: 'MailDeliveryError', permanent: true, responseCode: 550 });
      await expect(refused).rejects.toBeInstanceOf(MailDeliveryError);
      expect(called).toBe(false);
    });

    it('sends the final "." the moment beforeCommit releases it, while beforeCommit is still running', async () => {
      await mailer.send({ from: 'digest@example.org', to: 'cy@example.org', raw: await message('cy@example.org', 'released early') }, async (release) => {
        release();
        // Resolves only because the server already has the whole message.
        await sink.waitFor(3);
      });
      expect(sink.messages.map((m) => m.headers.get('subject'))).toEqual(['first', 'after', 'released early']);
    });

    it('reports a beforeCommit failure after its release, and the message stays with the server', async () => {
      const unconfirmed = new Error('the commit went unanswered');
      await expect(
        mailer.send({ from: 'digest@example.org', to: 'di@example.org', raw: await message('di@example.org', 'released then failed') }, async (release) => {
          release();
          throw unconfirmed;
        }),
      ).rejects.toBe(unconfirmed);
      await sink.waitFor(4);
      expect(sink.messages.map((m) => m.headers.get('subject'))).toEqual(['first', 'after', 'released early', 'released then failed']);
    });
  });
});

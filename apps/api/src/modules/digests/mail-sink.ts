import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import escapeHtml from 'escape-html';
import libmime from 'libmime';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  receivedAt: Date;
  envelopeFrom: string;
  envelopeTo: string[];
  /** The raw header block, lower-cased names unfolded into a map (first value wins). */
  headers: Map<string, string>;
  raw: Buffer;
}

/** A message whose sender hung up before its final ".": not delivered, kept only so tests can see where sending stopped. */
export interface InterruptedMail {
  receivedAt: Date;
  envelopeTo: string[];
  /** The header block as far as it arrived. */
  headers: Map<string, string>;
  bytes: number;
}

export interface MailSinkOptions {
  smtpPort: number;
  httpPort?: number;
  host?: string;
  /** Reject RCPT for these addresses with this reply, to exercise permanent/temporary failures. */
  refuse?: (address: string) => { code: number; message: string } | null;
  /** Refuse a whole message after its final "." (the server's last word), to exercise failures after the commit. */
  refuseMessage?: (recipients: string[]) => { code: number; message: string } | null;
  /** Take the message, then hang up instead of answering the final "." (the sender cannot know it arrived). */
  hangUpAfterData?: (recipients: string[]) => boolean;
  /** Keep the raw message (tests read bodies); the benchmark only needs headers. */
  keepRaw?: boolean;
}

function headerMap(raw: Buffer): Map<string, string> {
  const end = raw.indexOf('\r\n\r\n');
  const block = raw.subarray(0, end < 0 ? raw.length : end).toString('utf8').replace(/\r\n[ \t]+/g, ' ');
  const map = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!map.has(name)) map.set(name, line.slice(colon + 1).trim());
    }
  }
  return map;
}

/** A header as a person reads it: RFC 2047 encoded words (`=?UTF-8?B?…?=`) decoded. */
const readable = (value: string) => {
  try {
    return libmime.decodeWords(value);
  } catch {
    return value;
  }
};

/**
 * A local SMTP server that keeps what it receives in memory, with an optional page that
 * lists it. A message counts only once its final "." arrived: a client that disconnects
 * mid-DATA leaves nothing, as with a real mail server.
 */
export class MailSink {
  readonly messages: CaughtMail[] = [];
  readonly interrupted: InterruptedMail[] = [];
  private smtp: SMTPServer | undefined;
  private http: Server | undefined;
  private listeners: ((mail: CaughtMail) => void)[] = [];
  smtpPort = 0;
  httpPort = 0;

  constructor(private readonly options: MailSinkOptions) {}

  async start(): Promise<this> {
    const host = this.options.host ?? '127.0.0.1';
    this.smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      size: 10 * 1024 * 1024,
      maxClients: 200,
      onRcptTo: (address, _session, callback) => {
        const refusal = this.options.refuse?.(address.address);
        if (!refusal) return callback();
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', (error: Error & { code?: string }) => {
          // smtp-server's word for a client that went away mid-DATA.
          if (error.code !== 'ECONNECTION') return;
          const raw = Buffer.concat(chunks);
          this.interrupted.push({ receivedAt: new Date(), envelopeTo: session.envelope.rcptTo.map((r) => r.address), headers: headerMap(raw), bytes: raw.length });
        });
        stream.on('end', () => {
          const refusal = this.options.refuseMessage?.(session.envelope.rcptTo.map((r) => r.address));
          if (refusal) {
            const error = new Error(refusal.message) as Error & { responseCode: number };
            error.responseCode = refusal.code;
            callback(error);
            return;
          }
          const raw = Buffer.concat(chunks);
          const hangUp = this.options.hangUpAfterData?.(session.envelope.rcptTo.map((r) => r.address)) ?? false;
          const mail: CaughtMail = {
            id: this.messages.length + 1,
            receivedAt: new Date(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            headers: headerMap(raw),
            raw: this.options.keepRaw === false ? Buffer.alloc(0) : raw,
          };
          this.messages.push(mail);
          for (const listener of this.listeners) listener(mail);
          if (hangUp) {
            // smtp-server keeps its connections in a Set; the one with this session is the sender's.
            const connections = (this.smtp as unknown as { connections: Set<{ session: unknown; _socket: { destroy(): void } }> }).connections;
            for (const connection of connections) if (connection.session === session) connection._socket.destroy();
            return;
          }
          callback();
        });
      },
    });
    this.smtp.on('error', () => undefined);
    await new Promise<void>((resolve) => this.smtp!.listen(this.options.smtpPort, host, () => resolve()));
    this.smtpPort = (this.smtp.server.address() as AddressInfo).port;
    if (this.options.httpPort !== undefined) {
      this.http = createServer((req, res) => void this.page(req.url ?? '/', res));
      await new Promise<void>((resolve) => this.http!.listen(this.options.httpPort, host, () => resolve()));
      this.httpPort = (this.http.address() as AddressInfo).port;
    }
    return this;
  }

  onMessage(listener: (mail: CaughtMail) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves once `count` messages have arrived in total (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs = 20_000): Promise<void> {
    if (this.messages.length >= count) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${count} messages, got ${this.messages.length}`)), timeoutMs);
      this.onMessage(() => {
        if (this.messages.length >= count) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
  }

  clear(): void {
    this.messages.length = 0;
    this.interrupted.length = 0;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.smtp ? this.smtp.close(() => resolve()) : resolve()));
    await new Promise<void>((resolve) => (this.http ? this.http.close(() => resolve()) : resolve()));
  }

  private async page(url: string, res: import('node:http').ServerResponse): Promise<void> {
    const match = /^\/messages\/(\d+)(\.eml)?$/.exec(url);
    if (match) {
      const mail = this.messages[Number(match[1]) - 1];
      if (!mail) {
        res.writeHead(404).end('No such message');
        return;
      }
      if (match[2]) {
        res.writeHead(200, { 'content-type': 'message/rfc822' }).end(mail.raw);
        return;
      }
      const parsed = await simpleParser(mail.raw);
      const headers = [...mail.headers].map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(readable(v))}</td></tr>`).join('');
      const body = parsed.html ? `<iframe sandbox srcdoc="${escapeHtml(parsed.html)}" style="width:100%;height:60vh;border:1px solid #ccc"></iframe>` : `<pre>${escapeHtml(parsed.text ?? '')}</pre>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(
        `<!doctype html><meta charset="utf-8"><title>${escapeHtml(parsed.subject ?? '')}</title><p><a href="/">All mail</a> · <a href="/messages/${mail.id}.eml">raw</a></p><table>${headers}</table>${body}<h3>Plain text</h3><pre>${escapeHtml(parsed.text ?? '')}</pre>`,
      );
      return;
    }
    const rows = [...this.messages]
      .reverse()
      .map((m) => `<tr><td>${m.receivedAt.toISOString()}</td><td>${escapeHtml(m.envelopeTo.join(', '))}</td><td><a href="/messages/${m.id}">${escapeHtml(readable(m.headers.get('subject') ?? '(no subject)'))}</a></td></tr>`)
      .join('');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><meta charset="utf-8"><title>Mail sink</title><h1>Mail sink (${this.messages.length})</h1><table cellpadding="4"><tr><th>Received</th><th>To</th><th>Subject</th></tr>${rows}</table>`);
  }
}

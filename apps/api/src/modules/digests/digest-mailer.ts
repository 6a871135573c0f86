import { Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';

/** Where mail goes when SMTP_URL is not set: the development mail sink (`dist/cli/mail-sink.js`). */
export const DEFAULT_SMTP_URL = 'smtp://127.0.0.1:1025';
/** Half the worker's digest concurrency: a digest holds a connection only from its envelope to the server's last reply. */
const MAX_CONNECTIONS = 48;

export class MailDeliveryError extends Error {
  constructor(
    message: string,
    /** True when retrying the same message would be refused again (5xx, a bad address). */
    readonly permanent: boolean,
    readonly responseCode?: number,
    /**
     * The connection failed after the final "." without a reply: the server may or may not
     * have taken the message, and nothing can tell which.
     */
    readonly uncertain = false,
  ) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

/** Runs between the server's acceptance of the body and the final "."; `release` sends the "." now. */
export type BeforeCommit = (release: () => void) => Promise<void>;

export interface OutgoingMail {
  from: string;
  to: string;
  /** The whole MIME message. */
  raw: Buffer;
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

interface SmtpTarget {
  host: string;
  port: number;
  secure: boolean;
  auth?: { user: string; pass: string };
}

export function smtpTarget(url: string): SmtpTarget {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  return {
    host: parsed.hostname,
    port: Number(parsed.port) || (secure ? 465 : 25),
    secure,
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
  };
}

/**
 * Sends mail over a small pool of SMTP connections, with one twist that digests need:
 * `beforeCommit` runs after the server has accepted the envelope and the whole message
 * body, but before the final "." that makes the server take responsibility for it. A
 * digest records itself as sent there; if that fails before the "." is released
 * (another worker won, PostgreSQL is gone) the connection is dropped mid-DATA and the
 * server discards the message. `beforeCommit` may release the "." itself (`release`) the
 * moment its record is on its way, rather than when its promise settles; otherwise it
 * goes when the promise resolves. See docs/ARCHITECTURE.md, "Digests", for what remains.
 */
@Injectable()
export class DigestMailer implements OnApplicationShutdown {
  private readonly logger = new Logger('DigestMailer');
  private readonly target: SmtpTarget;
  private readonly idle: SMTPConnection[] = [];
  private readonly waiting: ((connection: SMTPConnection | null) => void)[] = [];
  private open = 0;
  private closed = false;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.target = smtpTarget(config.smtpUrl ?? DEFAULT_SMTP_URL);
  }

  async send(mail: OutgoingMail, beforeCommit?: BeforeCommit): Promise<void> {
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(mail.to)) throw new MailDeliveryError(`not a deliverable address: ${mail.to}`, true);
    const connection = await this.acquire();
    let reusable = false;
    try {
      await this.transmit(connection, mail, beforeCommit);
      reusable = true;
    } finally {
      this.release(connection, reusable);
    }
  }

  private async transmit(connection: SMTPConnection, mail: OutgoingMail, beforeCommit?: BeforeCommit): Promise<void> {
    const dataPhase = deferred<void>();
    let started = false;
    // Pulled only once the server has said 354: everything but the end goes out at once.
    const body = new Readable({
      read() {
        if (started) return;
        started = true;
        this.push(mail.raw);
        dataPhase.resolve();
      },
    });
    const accepted = new Promise<void>((resolve, reject) => {
      connection.send({ from: envelopeAddress(mail.from), to: [mail.to] }, body, (error) => (error ? reject(toDeliveryError(error)) : resolve()));
    });
    accepted.catch(() => undefined);
    await Promise.race([dataPhase.promise, accepted]);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      body.push(null);
    };
    if (beforeCommit) {
      try {
        await beforeCommit(release);
      } catch (error) {
        if (released) {
          // The "." is out: let the server answer it, then report what went wrong before.
          await accepted.catch(() => undefined);
          throw error;
        }
        // Dropping the connection before the final "." makes the server discard the message.
        connection.close();
        body.destroy();
        throw error;
      }
    }
    release();
    try {
      await accepted;
    } catch (error) {
      const failure = toDeliveryError(error);
      if (failure.responseCode !== undefined) throw failure;
      throw new MailDeliveryError(failure.message, false, undefined, true);
    }
  }

  private async acquire(): Promise<SMTPConnection> {
    if (this.closed) throw new MailDeliveryError('the mailer is shutting down', false);
    const ready = this.idle.pop();
    if (ready) return ready;
    if (this.open >= MAX_CONNECTIONS) {
      const next = await new Promise<SMTPConnection | null>((resolve) => this.waiting.push(resolve));
      return next ?? this.acquire();
    }
    this.open += 1;
    try {
      return await this.connect();
    } catch (error) {
      this.open -= 1;
      this.wakeOne(null);
      throw error;
    }
  }

  private release(connection: SMTPConnection, reusable: boolean): void {
    if (!reusable || this.closed) {
      connection.close();
      this.open -= 1;
      this.wakeOne(null);
      return;
    }
    const waiter = this.waiting.shift();
    if (waiter) waiter(connection);
    else this.idle.push(connection);
  }

  private wakeOne(connection: SMTPConnection | null): void {
    const waiter = this.waiting.shift();
    if (waiter) waiter(connection);
  }

  private connect(): Promise<SMTPConnection> {
    const connection = new SMTPConnection({
      host: this.target.host,
      port: this.target.port,
      secure: this.target.secure,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      // Close means close: never leave a half-sent message for the server to finish.
      socketCloseTimeout: 0,
    });
    connection.on('error', (error: Error) => this.logger.warn(`SMTP connection error: ${error.message}`));
    return new Promise((resolve, reject) => {
      connection.connect((error) => {
        if (error) return reject(toDeliveryError(error));
        if (!this.target.auth) return resolve(connection);
        connection.login(this.target.auth, (loginError) => (loginError ? reject(toDeliveryError(loginError)) : resolve(connection)));
      });
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter(null);
    for (const connection of this.idle.splice(0)) {
      connection.quit();
      this.open -= 1;
    }
  }
}

function toDeliveryError(error: unknown): MailDeliveryError {
  if (error instanceof MailDeliveryError) return error;
  const e = error as { message?: string; responseCode?: number; permanent?: boolean; response?: string };
  const permanent = e.permanent === true || (typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode !== 503);
  return new MailDeliveryError(e.response ?? e.message ?? String(error), permanent, e.responseCode);
}

/** "Policy Commons <digest@example.org>" → "digest@example.org", for MAIL FROM. */
export function envelopeAddress(from: string): string {
  return /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

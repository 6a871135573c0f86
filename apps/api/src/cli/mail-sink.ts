import { MailSink } from '../modules/digests/mail-sink.js';

/**
 * Local development mail catcher: SMTP on SMTP_SINK_PORT (default 1025, no auth, no TLS),
 * and a page listing what arrived on HTTP_SINK_PORT (default 1080). Mail lives in memory.
 */
async function main(): Promise<void> {
  const smtpPort = Number(process.env.SMTP_SINK_PORT ?? 1025);
  const httpPort = Number(process.env.HTTP_SINK_PORT ?? 1080);
  const host = process.env.SINK_HOST ?? '127.0.0.1';
  const sink = await new MailSink({ smtpPort, httpPort, host }).start();
  console.log(`Mail sink: SMTP on smtp://${host}:${sink.smtpPort}, read mail at http://${host === '0.0.0.0' ? 'localhost' : host}:${sink.httpPort}`);
  const stop = () => void sink.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

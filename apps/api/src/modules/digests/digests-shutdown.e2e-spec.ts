import { startTestApp } from '../../../test/test-app.js';
import { digestHourAheadOfNow, seedSubscribers, sleep, spawnWorker, startMailSink, waitForExit, waitUntil } from '../../../test/digest-helpers.js';
import { DigestPlanner } from './digest-planner.service.js';

const HOUR = 3600_000;

describe('the worker on SIGTERM', () => {
  it('finishes the digests it is sending, leaves the rest queued, and exits cleanly', async () => {
    const sink = await startMailSink({ keepRaw: false });
    const t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}` });
    try {
      const { clock, hour, timeZone } = digestHourAheadOfNow();
      const [author] = (await t.db.query(`INSERT INTO users (email, display_name, password_hash) VALUES ('author@example.org', 'Author', 'x') RETURNING id`)) as { id: string }[];
      const [community] = (await t.db.query(`INSERT INTO communities (slug, title, description, created_by) VALUES ('c', 'C', 'C', $1) RETURNING id`, [author.id])) as { id: string }[];
      await t.db.query(`INSERT INTO questions (community_id, author_id, title, body) VALUES ($1, $2, 'A question for the shutdown test', 'Body')`, [community.id, author.id]);
      await seedSubscribers(t, 600, { hour, timeZone, communityId: community.id, since: new Date(Date.now() - 2 * 24 * HOUR), watermark: new Date(Date.now() - HOUR) });
      await t.app.get(DigestPlanner).plan(clock);

      const worker = spawnWorker(t);
      let output = '';
      worker.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      worker.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      await waitUntil(async () => sink.messages.length >= 100, 30_000, 'mail to start flowing');
      worker.kill('SIGTERM');
      await waitForExit(worker);
      expect(worker.exitCode).toBe(0);
      expect(output).toContain('stopped');
      expect(output).not.toMatch(/failed:|ERROR/);
      await sleep(200);
      // Everything marked sent reached the server; nothing is half-done.
      const [counts] = (await t.db.query(`SELECT count(*) FILTER (WHERE status = 'SENT')::int AS sent, count(*) FILTER (WHERE status = 'PLANNED')::int AS planned FROM digest_deliveries`)) as {
        sent: number;
        planned: number;
      }[];
      expect(counts.sent).toBe(sink.messages.length);
      expect(counts.sent + counts.planned).toBe(600);
      expect(counts.planned).toBeGreaterThan(0);
    } finally {
      await t.close();
      await sink.stop();
    }
  }, 60_000);
});

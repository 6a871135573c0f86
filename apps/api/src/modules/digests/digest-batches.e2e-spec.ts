import { askQuestion, createCommunity } from '../../../test/forum-fixtures.js';
import { drainDigestsInProcess, makeSubscriber, seedSubscribers, startMailSink } from '../../../test/digest-helpers.js';
import { signUp, startTestApp, type TestApp } from '../../../test/test-app.js';
import { DigestPlanner } from './digest-planner.service.js';
import { DigestReader } from './digest-reader.js';
import { DigestRetryLater, DigestSender } from './digest-sender.service.js';
import { DigestsService } from './digests.service.js';
import type { MailSink } from './mail-sink.js';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** Statements the digest pool sent while `work` ran. */
async function statementsDuring(t: TestApp, work: () => Promise<unknown>): Promise<number> {
  const reader = t.app.get(DigestReader);
  const before = reader.statements;
  await work();
  return reader.statements - before;
}

describe('digests are read and recorded a batch at a time', () => {
  let t: TestApp;
  let sink: MailSink;
  let planner: DigestPlanner;
  let sender: DigestSender;
  let communityId: string;
  const clock = new Date(Math.ceil((Date.now() + 2 * HOUR) / HOUR) * HOUR);

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`, PUBLIC_URL: 'https://forum.example.org' });
    planner = t.app.get(DigestPlanner);
    sender = t.app.get(DigestSender);
    ({ communityId } = await createCommunity(t, 'batched'));
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  const deliveriesOf = async (userIds: string[]) =>
    ((await t.db.query(`SELECT id FROM digest_deliveries WHERE user_id = ANY($1) ORDER BY id`, [userIds])) as { id: string }[]).map((r) => r.id);

  /** Plans the period, then sends every subscriber's delivery at once, as a worker's jobs in flight would. */
  async function planAndSendAll(userIds: string[]): Promise<{ ids: string[]; outcomes: string[]; statements: number }> {
    await planner.plan(clock);
    const ids = await deliveriesOf(userIds);
    const outcomes: string[] = [];
    const statements = await statementsDuring(t, async () => outcomes.push(...(await Promise.all(ids.map((id) => sender.sendPlanned(id))))));
    return { ids, outcomes, statements };
  }

  it('reads and records thirty digests with nothing new in eight statements: one read of the deliveries, one per section, one record (BEGIN, the record, COMMIT)', async () => {
    const quiet = await seedSubscribers(t, 30, { prefix: 'quiet', hour: clock.getUTCHours(), communityId, since: new Date(Date.now() - 2 * DAY), watermark: new Date(Date.now() - HOUR) });
    const { ids, outcomes, statements } = await planAndSendAll(quiet);
    expect(outcomes).toEqual(ids.map(() => 'SKIPPED'));
    expect(statements).toBe(8);
    expect(sink.messages).toHaveLength(0);
  });

  it('sends thirty digests with one read of the deliveries and sections, and fewer records than digests', async () => {
    const asker = await signUp(t, 'Asker');
    const busy = await seedSubscribers(t, 30, { prefix: 'busy', hour: clock.getUTCHours(), communityId, since: new Date(Date.now() - 2 * DAY), watermark: new Date(Date.now() - HOUR) });
    await askQuestion(t, asker, communityId, { title: 'A question thirty people follow' });
    const { ids, outcomes, statements } = await planAndSendAll(busy);
    expect(outcomes).toEqual(ids.map(() => 'SENT'));
    // 5 to read (deliveries and 4 sections, all asked for in the same tick); then each record
    // (3 statements: BEGIN, the record, COMMIT) covers every digest whose server said 354
    // within the same few milliseconds.
    expect(statements).toBeGreaterThanOrEqual(8);
    expect(statements).toBeLessThan(5 + 3 * ids.length);
    expect(sink.messages).toHaveLength(30);
    expect(new Set(sink.messages.map((m) => m.envelopeTo[0])).size).toBe(30);
    sink.clear();
  });

  it('never lets two deliveries of one subscriber both cover the same activity, in one batch or two', async () => {
    const person = await signUp(t, 'Two periods due');
    const asker = await signUp(t, 'Asker two');
    await makeSubscriber(t, person.id, { hour: clock.getUTCHours(), since: new Date(Date.now() - 2 * DAY), watermark: new Date(Date.now() - HOUR) });
    await t.gql('mutation($input: FollowInput!) { follow(input: $input) { kind } }', { input: { kind: 'COMMUNITY', targetId: communityId } }, person);
    await askQuestion(t, asker, communityId, { title: 'A question two periods could claim' });
    // Two periods due at once (the worker was away for a day): both planned, both sent together.
    await planner.plan(clock);
    await planner.plan(new Date(clock.getTime() + DAY));
    const ids = await deliveriesOf([person.id]);
    expect(ids).toHaveLength(2);
    const results = await Promise.allSettled(ids.map((id) => sender.sendPlanned(id)));
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<string>).value)).toEqual(['SENT']);
    const lost = results.findIndex((r) => r.status === 'rejected');
    expect((results[lost] as PromiseRejectedResult).reason).toBeInstanceOf(DigestRetryLater);
    // Retried, the loser finds its activity covered already.
    expect(await sender.sendPlanned(ids[lost])).toBe('SKIPPED');
    expect(sink.messages.filter((m) => m.envelopeTo[0] === person.email)).toHaveLength(1);
    const rows = (await t.db.query(`SELECT status, skip_reason FROM digest_deliveries WHERE user_id = $1 ORDER BY status`, [person.id])) as { status: string }[];
    expect(rows.map((r) => r.status)).toEqual(['SENT', 'SKIPPED']);
  });
});

describe('a subscriber whose settings the forum created', () => {
  it('gets their digest: a watermark from now() compares exactly with the one the sender read', async () => {
    const sink = await startMailSink();
    const t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}` });
    try {
      const { communityId } = await createCommunity(t, 'settings-from-the-forum');
      const person = await signUp(t, 'Set up through the settings page');
      const clock = new Date(Math.ceil((Date.now() + DAY) / HOUR) * HOUR);
      const settings = await t.gql(
        'mutation($input: NotificationSettingsInput!) { updateNotificationSettings(input: $input) { digestHour } }',
        { input: { digestFrequency: 'DAILY', digestHour: clock.getUTCHours(), timeZone: 'UTC' } },
        person,
      );
      expect(settings.errors).toBeUndefined();
      await t.app.get(DigestsService).confirmEmail(person.id);
      await t.gql('mutation($input: FollowInput!) { follow(input: $input) { kind } }', { input: { kind: 'COMMUNITY', targetId: communityId } }, person);
      await askQuestion(t, await signUp(t, 'Asker'), communityId, { title: 'Something new for the digest' });

      await t.app.get(DigestPlanner).plan(clock);
      await drainDigestsInProcess(t);
      expect(sink.messages.map((m) => m.envelopeTo[0])).toEqual([person.email]);
      const [row] = (await t.db.query(`SELECT status, attempts FROM digest_deliveries WHERE user_id = $1`, [person.id])) as { status: string; attempts: number }[];
      expect(row).toEqual({ status: 'SENT', attempts: 1 });
    } finally {
      await t.close();
      await sink.stop();
    }
  });
});

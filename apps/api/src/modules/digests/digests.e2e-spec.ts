import { simpleParser } from 'mailparser';
import { askQuestion, answerQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { digestQueue, drainDigestsInProcess, makeSubscriber, startMailSink } from '../../../test/digest-helpers.js';
import { grantOrganisationRole, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';
import type { MailSink } from './mail-sink.js';
import { DigestPlanner } from './digest-planner.service.js';
import { DigestSender } from './digest-sender.service.js';
import { CONFIRMATIONS_PER_DAY, MAILS_PER_CLIENT_ADDRESS_PER_DAY, PREVIEWS_PER_DAY } from './digests.service.js';
import { OutboxDelivery } from '../outbox/outbox-delivery.js';

const FOLLOW = 'mutation($input: FollowInput!) { follow(input: $input) { kind targetId label } }';
const HOUR = 3600_000;

describe('digests', () => {
  let t: TestApp;
  let sink: MailSink;
  let planner: DigestPlanner;
  let subscriber: Person & { email: string };
  let quiet: Person & { email: string };
  let asker: Person;
  let answerer: Person;
  const clock = new Date(Date.now() + 24 * HOUR);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`, PUBLIC_URL: 'https://forum.example.org' });
    planner = t.app.get(DigestPlanner);
    subscriber = await signUp(t, 'Sam Subscriber');
    quiet = await signUp(t, 'Quinn Quiet');
    asker = await signUp(t, 'Alex Asker');
    answerer = await signUp(t, 'Bea Answerer');
    const since = new Date(Date.now() - 2 * 24 * HOUR);
    // Due at the clock's hour (UTC), a day from now: after everything this suite does.
    await makeSubscriber(t, subscriber.id, { hour: clock.getUTCHours(), since, watermark: new Date(Date.now() - HOUR) });
    await makeSubscriber(t, quiet.id, { hour: clock.getUTCHours(), since, watermark: new Date(Date.now() - HOUR) });

    const followed = await createCommunity(t, 'followed-community');
    const other = await createCommunity(t, 'other-community');
    ids.followed = followed.communityId;
    for (const [input, who] of [
      [{ kind: 'COMMUNITY', targetId: followed.communityId }, subscriber],
      [{ kind: 'TAG', targetId: 'parish-councils' }, subscriber],
      [{ kind: 'TAG', targetId: 'nothing-happens-here' }, quiet],
    ] as const) {
      if (input.kind === 'TAG') await t.db.query('INSERT INTO tags (slug) VALUES ($1) ON CONFLICT DO NOTHING', [input.targetId]);
      const r = await t.gql(FOLLOW, { input }, who);
      expect(r.errors).toBeUndefined();
    }

    // Seven new questions in the followed community; the most answered two come first.
    for (let i = 1; i <= 7; i += 1) ids[`c${i}`] = await askQuestion(t, asker, followed.communityId, { title: `Community question number ${i}`, tags: ['general'] });
    await answerQuestion(t, answerer, ids.c6);
    await answerQuestion(t, answerer, ids.c6, 'Another view.');
    await answerQuestion(t, answerer, ids.c3);
    ids.tagged = await askQuestion(t, asker, other.communityId, { title: 'A tagged question elsewhere', tags: ['parish-councils'] });
    ids.untagged = await askQuestion(t, asker, other.communityId, { title: 'An unrelated question elsewhere', tags: ['general'] });
    ids.own = await askQuestion(t, subscriber, followed.communityId, { title: 'My own question in the community', tags: ['general'] });
    // Asking watches the question: an answer on it is news, accepting it myself is not.
    const ownAnswer = await answerQuestion(t, answerer, ids.own);
    await t.gql('mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }', { id: ownAnswer }, subscriber);
    ids.watched = await askQuestion(t, asker, other.communityId, { title: 'A question I chose to watch', tags: ['general'] });
    await t.gql(FOLLOW, { input: { kind: 'QUESTION', targetId: ids.watched } }, subscriber);
    const watchedAnswer = await answerQuestion(t, answerer, ids.watched);
    await t.gql('mutation($id: ID!) { acceptAnswer(answerId: $id) { id } }', { id: watchedAnswer }, asker);

    // What moderators removed or closed is never news: set directly here, moderation has its own suite.
    for (const [key, state] of [
      ['hidden', 'hidden_at = now()'],
      ['deleted', `deleted_at = now(), removal_reason = 'removed by a moderator: spam'`],
      ['closed', `closed_reason = 'OFF_TOPIC', closed_at = now()`],
    ]) {
      ids[key] = await askQuestion(t, asker, followed.communityId, { title: `A question that was ${key} by a moderator`, tags: ['parish-councils'] });
      await t.db.query(`UPDATE questions SET ${state} WHERE id = $1`, [ids[key]]);
    }
    const hiddenAnswer = await answerQuestion(t, answerer, ids.watched, 'Spam that flags hid.');
    await t.db.query('UPDATE answers SET hidden_at = now() WHERE id = $1', [hiddenAnswer]);
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('plans one delivery per due subscriber and period, and enqueues only ids, after the rows commit', async () => {
    const result = await planner.plan(clock);
    expect(result).toEqual({ planned: 2, enqueued: 2 });
    const jobs = await digestQueue(t).getJobs(['waiting']);
    expect(jobs).toHaveLength(2);
    const rows = (await t.db.query(`SELECT id, user_id FROM digest_deliveries WHERE status = 'PLANNED'`)) as { id: string; user_id: string }[];
    for (const job of jobs) {
      expect(Object.keys(job.data)).toEqual(['deliveryId']);
      expect(rows.map((r) => r.id)).toContain(job.data.deliveryId);
    }
    // Planning again (or concurrently) adds nothing.
    expect(await planner.plan(clock)).toEqual({ planned: 0, enqueued: 2 });
    expect(await digestQueue(t).getJobs(['waiting'])).toHaveLength(2);
  });

  it('sends exactly the expected items to a subscriber, and nothing to one with nothing new', async () => {
    await drainDigestsInProcess(t);
    expect(sink.messages).toHaveLength(1);
    const caught = sink.messages[0];
    expect(caught.envelopeTo).toEqual([subscriber.email]);
    const mail = await simpleParser(caught.raw);
    expect(mail.subject).toBe('8 new questions, 2 new answers, 1 accepted answer — your Policy Commons digest');
    const text = mail.text ?? '';
    const url = (id: string) => `https://forum.example.org/q/${id}`;
    // Top five by activity, then newest: c6 (2 answers), c3 (1 answer), then the newest of the rest.
    const listed = [...text.matchAll(/^\* (.+?)(?: \(.+\))?\n {2}(\S+)$/gm)].map((m) => m[2]);
    expect(listed.slice(0, 5)).toEqual([url(ids.c6), url(ids.c3), url(ids.tagged), url(ids.c7), url(ids.c5)]);
    expect(text).toContain('* and 3 more in Community followed-community: https://forum.example.org/c/followed-community');
    expect(text).toContain(`A question I chose to watch (1 new answer · an answer was accepted)\n  ${url(ids.watched)}`);
    expect(text).toContain(`My own question in the community (1 new answer)\n  ${url(ids.own)}`);
    expect(text).not.toContain(url(ids.untagged));
    for (const key of ['hidden', 'deleted', 'closed']) expect(text).not.toContain(url(ids[key]));
    expect(mail.html).toContain(`<a href="${url(ids.c6)}">Community question number 6</a>`);
    expect(mail.messageId).toMatch(/^<digest\.[0-9a-f-]{36}@forum\.example\.org>$/);

    const statuses = (await t.db.query(`SELECT user_id, status, skip_reason FROM digest_deliveries ORDER BY status`)) as { user_id: string; status: string; skip_reason: string | null }[];
    expect(statuses).toEqual([
      { user_id: subscriber.id, status: 'SENT', skip_reason: null },
      { user_id: quiet.id, status: 'SKIPPED', skip_reason: 'nothing new' },
    ]);
  });

  it('never sends the same period twice, and the next period starts where the last one ended', async () => {
    await planner.plan(clock);
    await drainDigestsInProcess(t);
    expect(sink.messages).toHaveLength(1);
    const [row] = (await t.db.query('SELECT digest_watermark FROM notification_settings WHERE user_id = $1', [subscriber.id])) as { digest_watermark: Date }[];
    const [delivery] = (await t.db.query('SELECT covered_until FROM digest_deliveries WHERE user_id = $1', [subscriber.id])) as { covered_until: Date }[];
    expect(row.digest_watermark.getTime()).toBe(delivery.covered_until.getTime());
    // Nothing happened after the period: tomorrow's digest is skipped, not sent.
    await planner.plan(new Date(clock.getTime() + 24 * HOUR));
    await drainDigestsInProcess(t);
    expect(sink.messages).toHaveLength(1);
  });

  it('sendMyDigestNow mails a preview that does not count as the period’s digest', async () => {
    const result = await t.gql<{ sendMyDigestNow: boolean }>('mutation { sendMyDigestNow }', {}, quiet);
    expect(result.data?.sendMyDigestNow).toBe(false);
    // This suite's clock runs a day ahead; bring the watermark back to the real present.
    await t.db.query(`UPDATE notification_settings SET digest_watermark = now() WHERE user_id = $1`, [subscriber.id]);
    await askQuestion(t, asker, ids.followed, { title: 'A question after the digest', tags: ['general'] });
    const before = (await t.db.query('SELECT digest_watermark FROM notification_settings WHERE user_id = $1', [subscriber.id])) as { digest_watermark: Date }[];
    const sent = await t.gql<{ sendMyDigestNow: boolean }>('mutation { sendMyDigestNow }', {}, subscriber);
    expect(sent.data?.sendMyDigestNow).toBe(true);
    await drainDigestsInProcess(t);
    expect(sink.messages).toHaveLength(2);
    const preview = await simpleParser(sink.messages[1].raw);
    expect(preview.subject).toBe('[Preview] 1 new question — your Policy Commons digest');
    const after = (await t.db.query('SELECT digest_watermark FROM notification_settings WHERE user_id = $1', [subscriber.id])) as { digest_watermark: Date }[];
    expect(after[0].digest_watermark).toEqual(before[0].digest_watermark);
    expect(errorCode(await t.gql('mutation { sendMyDigestNow }'))).toBe('UNAUTHENTICATED');
  });

  it('carries RFC 8058 headers; only a POST of a genuine link unsubscribes', async () => {
    const headers = sink.messages[0].headers;
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = /^<(https:\/\/forum\.example\.org\/unsubscribe\/[^>]+)>$/.exec(headers.get('list-unsubscribe') ?? '')?.[1];
    expect(link).toBeDefined();
    const local = link!.replace('https://forum.example.org', t.url);
    const frequency = async () =>
      ((await t.db.query('SELECT digest_frequency FROM notification_settings WHERE user_id = $1', [subscriber.id])) as { digest_frequency: string }[])[0].digest_frequency;

    const page = await fetch(local, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    expect(await frequency()).toBe('DAILY');

    const token = local.split('/').pop()!;
    const tampered = `${local.slice(0, -token.length)}${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const refused = await fetch(tampered, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('This unsubscribe link does not work');
    expect(await frequency()).toBe('DAILY');

    // RFC 8058: mail clients SHOULD post multipart/form-data (and MAY post the form encoding above).
    const oneClick = new FormData();
    oneClick.set('List-Unsubscribe', 'One-Click');
    const done = await fetch(local, { method: 'POST', body: oneClick });
    expect(done.status).toBe(200);
    expect(await frequency()).toBe('OFF');
    await planner.plan(new Date(clock.getTime() + 2 * 24 * HOUR));
    const planned = (await t.db.query(`SELECT period FROM digest_deliveries WHERE user_id = $1`, [subscriber.id])) as { period: string }[];
    expect(planned).toHaveLength(2);
  });

  it('keeps the queue dashboard for admins', async () => {
    expect((await fetch(`${t.url}/admin/queues`)).status).toBe(401);
    const member = await signUp(t);
    expect((await fetch(`${t.url}/admin/queues`, { headers: { authorization: `Bearer ${member.token}` } })).status).toBe(403);
    await t.db.query(`UPDATE users SET role = 'ADMIN' WHERE id = $1`, [member.id]);
    const ok = await fetch(`${t.url}/admin/queues`, { headers: { authorization: `Bearer ${member.token}` } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('<html');
  });
});

function errorCode(result: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}

describe('digest delivery failures', () => {
  let t: TestApp;
  let sink: MailSink;
  const refusals = new Map<string, { code: number; message: string; times: number }>();

  beforeAll(async () => {
    const refuse = (address: string) => {
      const refusal = refusals.get(address);
      if (!refusal || refusal.times === 0) return null;
      refusal.times -= 1;
      return refusal;
    };
    sink = await startMailSink({ refuse, refuseMessage: (to) => refuse(`after-data:${to[0]}`), hangUpAfterData: (to) => refuse(`hang-up:${to[0]}`) !== null });
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}` });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('records a permanent refusal without retrying, retries a temporary one with backoff, and never resends one the server may already have', async () => {
    const clock = new Date(Date.now() + HOUR);
    const asker = await signUp(t, 'Asker');
    const { communityId } = await createCommunity(t, 'failures');
    const bounced = await signUp(t, 'Bounced');
    const deferred = await signUp(t, 'Deferred');
    const late = await signUp(t, 'Refused after the dot');
    const unsure = await signUp(t, 'No reply after the dot');
    for (const person of [bounced, deferred, late, unsure]) {
      await makeSubscriber(t, person.id, { hour: clock.getUTCHours(), since: new Date(Date.now() - 2 * 24 * HOUR), watermark: new Date(Date.now() - HOUR) });
      await t.gql(FOLLOW, { input: { kind: 'COMMUNITY', targetId: communityId } }, person);
    }
    await askQuestion(t, asker, communityId, { title: 'A question for the failure cases' });
    refusals.set(bounced.email, { code: 550, message: 'No such mailbox', times: Infinity });
    refusals.set(deferred.email, { code: 451, message: 'Try again later', times: 1 });
    // Refused after the delivery was recorded as sent: the record is undone, then retried.
    refusals.set(`after-data:${late.email}`, { code: 452, message: 'Insufficient storage', times: 1 });
    // The server took the message and hung up before answering: sending again could duplicate it.
    refusals.set(`hang-up:${unsure.email}`, { code: 0, message: 'hang up', times: 1 });

    await t.app.get(DigestPlanner).plan(clock);
    await drainDigestsInProcess(t);

    const rows = (await t.db.query(`SELECT user_id, status, attempts, last_error FROM digest_deliveries`)) as { user_id: string; status: string; attempts: number; last_error: string | null }[];
    const byUser = new Map(rows.map((r) => [r.user_id, r]));
    expect(byUser.get(bounced.id)).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(byUser.get(bounced.id)?.last_error).toMatch(/No such mailbox/);
    expect(byUser.get(deferred.id)).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(byUser.get(late.id)).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(byUser.get(unsure.id)).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(sink.messages.map((m) => m.envelopeTo[0]).sort()).toEqual([deferred.email, late.email, unsure.email].sort());
    // The bounced digest stays in the failed list for inspection; its watermark did not move.
    const failed = await digestQueue(t).getJobs(['failed']);
    expect(failed.map((j) => j.attemptsMade)).toEqual([1]);
    const [settings] = (await t.db.query('SELECT digest_watermark FROM notification_settings WHERE user_id = $1', [bounced.id])) as { digest_watermark: Date }[];
    expect(settings.digest_watermark.getTime()).toBeLessThan(Date.now());
  }, 60_000);
});

describe('digest sections from policy documents', () => {
  let t: TestApp;
  let sink: MailSink;
  const SAVE = 'mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }';
  const PUBLISH = 'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { id version } }';
  const draft = (responsibilities: string, withScope = true) =>
    ['# Remote Working Policy', '', '## Purpose', '', 'Why.', '', ...(withScope ? ['## Scope', '', 'Everyone.', ''] : []), '## Responsibilities', '', responsibilities, ''].join('\n');

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`, PUBLIC_URL: 'https://forum.example.org' });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('lists new versions of followed documents with the sections that changed, and answers whose citations became stale', async () => {
    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ('county-council', 'Shireford County Council') ON CONFLICT DO NOTHING`);
    const author = await signUp(t, 'Policy Author');
    await grantOrganisationRole(t, author.id, 'county-council', 'POLICY_AUTHOR');
    const created = await t.gql<{ createPolicyDocument: { id: string } }>(
      'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id } }',
      { input: { organisationSlug: 'county-council', slug: 'remote-working', title: 'Remote Working Policy' } },
      author,
    );
    const documentId = created.data!.createPolicyDocument.id;
    await t.gql(SAVE, { input: { documentId, markdown: draft('Managers agree the days.') } }, author);
    expect((await t.gql(PUBLISH, { input: { documentId, bump: 'MAJOR', summaryOfChanges: 'First edition.', contributors: [] } }, author)).errors).toBeUndefined();

    const practitioner = await signUp(t, 'Practitioner');
    const { communityId } = await createCommunity(t, 'policy-digests');
    const questionId = await askQuestion(t, practitioner, communityId, { title: 'Who agrees remote working days?' });
    const answerId = await answerQuestion(t, practitioner, questionId, 'Your manager: policy:remote-working@1.0#responsibilities, for policy:remote-working@1.0#scope.');
    const follow = await t.gql<{ follow: { label: string } }>(FOLLOW, { input: { kind: 'POLICY_DOCUMENT', targetId: 'remote-working' } }, practitioner);
    expect(follow.data?.follow.label).toBe('Remote Working Policy');
    const clock = new Date(Date.now() + HOUR);
    await makeSubscriber(t, practitioner.id, { hour: clock.getUTCHours(), since: new Date(Date.now() - 2 * 24 * HOUR), watermark: new Date() });

    await t.gql(SAVE, { input: { documentId, markdown: draft('Managers agree the days in writing.', false) } }, author);
    const published = await t.gql(PUBLISH, { input: { documentId, bump: 'MINOR', summaryOfChanges: 'Written agreements; scope folded into purpose.', contributors: [] } }, author);
    expect(published.errors).toBeUndefined();

    // In the app, once the worker delivers the publication's outbox event: the cited sections changed.
    await t.app.get(OutboxDelivery).deliverDue();
    const bell = await t.gql<{ me: { notifications: { kind: string; message: string; url: string }[] } }>('{ me { notifications { kind message url } } }', {}, practitioner);
    expect(bell.data?.me.notifications.filter((n) => n.kind === 'CITED_SECTION_CHANGED').map((n) => n.message).sort()).toEqual([
      '“Responsibilities” of Remote Working Policy changed in version 1.1; your answer to “Who agrees remote working days?” cites it',
      '“Scope” of Remote Working Policy was removed in version 1.1; your answer to “Who agrees remote working days?” cites it',
    ]);
    expect(bell.data?.me.notifications.filter((n) => n.kind === 'CITED_SECTION_CHANGED').every((n) => n.url === `https://forum.example.org/q/${questionId}#a-${answerId}`)).toBe(true);

    // In the digest: the new version with what changed, and the stale citations.
    await t.app.get(DigestPlanner).plan(clock);
    await drainDigestsInProcess(t);
    expect(sink.messages).toHaveLength(1);
    const mail = await simpleParser(sink.messages[0].raw);
    expect(mail.subject).toBe('1 new policy version, 2 stale citations — your Policy Commons digest');
    expect(mail.text).toContain(
      '* Remote Working Policy 1.1 (Written agreements; scope folded into purpose. — changed: Responsibilities; removed: Scope)\n  https://forum.example.org/policies/remote-working',
    );
    expect(mail.text).toContain(`* Who agrees remote working days? (cites Remote Working Policy 1.0 § Responsibilities, changed in version 1.1)\n  https://forum.example.org/q/${questionId}#a-${answerId}`);
    expect(mail.text).toContain('* Who agrees remote working days? (cites Remote Working Policy 1.0 § Scope, removed in version 1.1)');
  });
});

describe('email confirmation', () => {
  let t: TestApp;
  let sink: MailSink;

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`, PUBLIC_URL: 'https://forum.example.org' });
  });
  afterAll(async () => {
    await t.close();
    await sink.stop();
  });

  it('mails a signed link; only a POST of the genuine link confirms the address digests go to', async () => {
    const person = await signUp(t, 'Ola');
    const settings = async () =>
      (await t.gql<{ me: { notificationSettings: { emailConfirmedAt: string | null } } }>('{ me { notificationSettings { emailConfirmedAt } } }', {}, person)).data?.me.notificationSettings
        .emailConfirmedAt;
    expect(await settings()).toBeNull();
    expect((await t.gql<{ sendEmailConfirmation: boolean }>('mutation { sendEmailConfirmation }', {}, person)).data?.sendEmailConfirmation).toBe(true);
    await drainDigestsInProcess(t);
    expect(sink.messages).toHaveLength(1);
    const mail = await simpleParser(sink.messages[0].raw);
    expect(mail.subject).toBe('Confirm your email address for Policy Commons digests');
    const link = /https:\/\/forum\.example\.org\/email-confirmation\/\S+/.exec(mail.text ?? '')?.[0];
    expect(link).toBeDefined();
    const local = link!.replace('https://forum.example.org', t.url);

    expect((await fetch(local)).status).toBe(200);
    expect(await settings()).toBeNull();
    const tampered = `${local.slice(0, -1)}${local.endsWith('A') ? 'B' : 'A'}`;
    expect((await fetch(tampered, { method: 'POST' })).status).toBe(400);
    expect(await settings()).toBeNull();
    expect((await fetch(local, { method: 'POST' })).status).toBe(200);
    expect(await settings()).not.toBeNull();
    expect((await t.gql<{ sendEmailConfirmation: boolean }>('mutation { sendEmailConfirmation }', {}, person)).data?.sendEmailConfirmation).toBe(false);
  });
});

describe('who may be mailed, and how often', () => {
  let t: TestApp;
  let sink: MailSink;
  const PREVIEW = 'mutation { sendMyDigestNow }';
  const CONFIRM = 'mutation { sendEmailConfirmation }';
  const errorOf = (result: { errors?: { message: string; extensions?: { code?: string; retryAfter?: number } }[] }) => ({
    code: result.errors?.[0]?.extensions?.code,
    message: result.errors?.[0]?.message,
    retryAfter: result.errors?.[0]?.extensions?.retryAfter,
  });
  const waitingJobs = async () => (await digestQueue(t).getJobs(['waiting', 'delayed', 'active'])).map((job) => job.name);

  beforeEach(async () => {
    sink = await startMailSink();
    t = await startTestApp({ SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`, PUBLIC_URL: 'https://forum.example.org' });
  });
  afterEach(async () => {
    await t.close();
    await sink.stop();
  });

  it('sends a preview only to a confirmed address whose owner has digests on, checking again when it sends', async () => {
    const asker = await signUp(t, 'Asker');
    const { communityId } = await createCommunity(t, 'previews');
    const person = await signUp(t, 'Pat Preview');
    await t.gql(FOLLOW, { input: { kind: 'COMMUNITY', targetId: communityId } }, person);
    await askQuestion(t, asker, communityId, { title: 'Something new to preview' });

    // Not confirmed: refused, with what to do about it, and nothing queued.
    expect(errorOf(await t.gql(PREVIEW, {}, person))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/^Confirm your email address first/) });
    // Confirmed, then unsubscribed: refused too.
    await makeSubscriber(t, person.id, { hour: 8, since: new Date(Date.now() - 2 * 24 * HOUR), watermark: new Date(Date.now() - HOUR) });
    await t.db.query(`UPDATE notification_settings SET digest_frequency = 'OFF' WHERE user_id = $1`, [person.id]);
    expect(errorOf(await t.gql(PREVIEW, {}, person))).toMatchObject({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/digests are turned off/) });
    expect(await waitingJobs()).toEqual([]);

    // Asked for while subscribed, unsubscribed before the worker got to it: not sent.
    await t.db.query(`UPDATE notification_settings SET digest_frequency = 'DAILY' WHERE user_id = $1`, [person.id]);
    expect((await t.gql<{ sendMyDigestNow: boolean }>(PREVIEW, {}, person)).data?.sendMyDigestNow).toBe(true);
    await t.db.query(`UPDATE notification_settings SET digest_frequency = 'OFF' WHERE user_id = $1`, [person.id]);
    await drainDigestsInProcess(t);
    expect(sink.messages).toHaveLength(0);
    // Nor to a confirmation taken back (the address changed hands, a moderator reset it).
    await t.db.query(`UPDATE notification_settings SET digest_frequency = 'DAILY', email_confirmed_at = NULL WHERE user_id = $1`, [person.id]);
    expect(await t.app.get(DigestSender).sendPreview(person.id)).toBe(false);
    expect(sink.messages).toHaveLength(0);
  });

  it(`limits previews to ${PREVIEWS_PER_DAY} a day per account, with RATE_LIMITED and retryAfter`, async () => {
    const person = await signUp(t, 'Pat Often');
    await makeSubscriber(t, person.id, { hour: 8, since: new Date(Date.now() - 2 * 24 * HOUR) });
    for (let i = 0; i < PREVIEWS_PER_DAY; i += 1) expect((await t.gql(PREVIEW, {}, person)).errors).toBeUndefined();
    const refused = errorOf(await t.gql(PREVIEW, {}, person));
    expect(refused).toMatchObject({ code: 'RATE_LIMITED', message: `You can ask for ${PREVIEWS_PER_DAY} previews a day. Try again tomorrow.` });
    expect(refused.retryAfter).toBeGreaterThan(0);
    expect(refused.retryAfter).toBeLessThanOrEqual(24 * 3600);
    // Another member is not held up by it.
    const other = await signUp(t, 'Other');
    await makeSubscriber(t, other.id, { hour: 8, since: new Date(Date.now() - 2 * 24 * HOUR) });
    expect((await t.gql(PREVIEW, {}, other)).errors).toBeUndefined();
  });

  it(`limits confirmation links to ${CONFIRMATIONS_PER_DAY} a day per account and per address, even across a deleted and reopened account`, async () => {
    const email = `target-${Date.now()}@example.org`;
    const open = async () => {
      const r = await t.gql<{ signUp: { token: string } }>('mutation($input: SignUpInput!) { signUp(input: $input) { token } }', {
        input: { email, displayName: 'Opened for someone else', password: 'correct horse battery' },
      });
      return { token: r.data!.signUp.token };
    };
    const first = await open();
    for (let i = 0; i < CONFIRMATIONS_PER_DAY; i += 1) expect((await t.gql<{ sendEmailConfirmation: boolean }>(CONFIRM, {}, first)).data?.sendEmailConfirmation).toBe(true);
    expect(errorOf(await t.gql(CONFIRM, {}, first))).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    // Two clicks in a minute queue one mail.
    await drainDigestsInProcess(t);
    expect(sink.messages.length).toBeLessThanOrEqual(2);
    expect(sink.messages.length).toBeGreaterThanOrEqual(1);

    // Deleting the account and opening it again does not buy the address more mail.
    expect((await t.gql('mutation($p: String!) { deleteMyAccount(password: $p) }', { p: 'correct horse battery' }, first)).errors).toBeUndefined();
    const second = await open();
    expect(errorOf(await t.gql(CONFIRM, {}, second))).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/confirmation links today already/) });
  });

  it(`limits mail asked for from one network to ${MAILS_PER_CLIENT_ADDRESS_PER_DAY} a day, however many accounts it opens`, async () => {
    let sent = 0;
    while (sent < MAILS_PER_CLIENT_ADDRESS_PER_DAY) {
      const person = await signUp(t, 'One of many');
      for (let i = 0; i < CONFIRMATIONS_PER_DAY && sent < MAILS_PER_CLIENT_ADDRESS_PER_DAY; i += 1, sent += 1) expect((await t.gql(CONFIRM, {}, person)).errors).toBeUndefined();
    }
    const fresh = await signUp(t, 'One too many');
    expect(errorOf(await t.gql(CONFIRM, {}, fresh))).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/from your network/) });
    await makeSubscriber(t, fresh.id, { hour: 8, since: new Date(Date.now() - 2 * 24 * HOUR) });
    expect(errorOf(await t.gql(PREVIEW, {}, fresh))).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/from your network/) });
  });

  it('keeps a hostile display name out of the headers and the markup of every mail it appears in', async () => {
    const person = await signUp(t, 'Ordinary name');
    // The sign-up form refuses these characters; a name stored before it did, or by another way in, must still be harmless.
    const name = '<script>alert(1)</script>\r\nBcc: everyone@example.org';
    await t.db.query('UPDATE users SET display_name = $2 WHERE id = $1', [person.id, name]);
    expect((await t.gql(CONFIRM, {}, person)).errors).toBeUndefined();
    expect((await t.gql('mutation($email: String!) { requestPasswordReset(email: $email) }', { email: person.email })).errors).toBeUndefined();
    await drainDigestsInProcess(t);
    expect(sink.messages).toHaveLength(2);
    for (const caught of sink.messages) {
      expect(caught.envelopeTo).toEqual([person.email]);
      const head = caught.raw.subarray(0, caught.raw.indexOf('\r\n\r\n')).toString();
      expect(head).not.toMatch(/^bcc:/im);
      const mail = await simpleParser(caught.raw);
      expect(mail.bcc).toBeUndefined();
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([{ name: '<script>alert(1)</script> Bcc: everyone@example.org', address: person.email }]);
      expect(mail.html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; Bcc: everyone@example.org,');
      expect(mail.html).not.toContain('<script>');
      expect(mail.text).toContain('Hello <script>alert(1)</script> Bcc: everyone@example.org,\n');
    }
  });
});

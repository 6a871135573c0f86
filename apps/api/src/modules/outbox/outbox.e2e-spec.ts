import type { ChildProcess } from 'node:child_process';
import { ModulesContainer } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { freePort, spawnApi, waitForHealth, type ApiProcess } from '../../../test/api-process.js';
import { spawnWorker, waitForExit, waitForReady } from '../../../test/digest-helpers.js';
import { grantOrganisationRole, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';
import { QueueName } from '../../queues/queue-names.js';
import { queueToken } from '../../queues/queues.module.js';
import { OutboxDelivery } from './outbox-delivery.js';
import { OutboxProcessor } from './outbox.processor.js';

const SAVE = 'mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }';
const PUBLISH = 'mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { id version } }';
const draft = (title: string, responsibilities: string, withScope = true) =>
  [`# ${title}`, '', '## Purpose', '', 'Why.', '', ...(withScope ? ['## Scope', '', 'Everyone.', ''] : []), '## Responsibilities', '', responsibilities, ''].join('\n');

interface CitedDocument {
  versionId: string;
  documentId: string;
  author: Person;
  practitioner: Person;
  questionId: string;
  answerId: string;
}

interface EventRow {
  id: string;
  attempts: number;
  delivered: boolean;
  lastError: string | null;
  due: boolean;
}

/**
 * A published document (1.0), an answer citing two of its sections, and a saved draft whose
 * publication changes one of them and removes the other: publishing it makes both citations stale.
 */
async function citedDocumentWithStalingDraft(t: TestApp, slug: string): Promise<CitedDocument> {
  const title = `Policy ${slug}`;
  const author = await signUp(t, 'Policy Author');
  await grantOrganisationRole(t, author.id, 'county-council', 'POLICY_AUTHOR');
  const created = await t.gql<{ createPolicyDocument: { id: string } }>(
    'mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id } }',
    { input: { organisationSlug: 'county-council', slug, title } },
    author,
  );
  const documentId = created.data!.createPolicyDocument.id;
  await t.gql(SAVE, { input: { documentId, markdown: draft(title, 'Managers agree the days.') } }, author);
  const first = await t.gql<{ publishPolicyVersion: { id: string } }>(PUBLISH, { input: { documentId, bump: 'MAJOR', summaryOfChanges: 'First edition.', contributors: [] } }, author);
  expect(first.errors).toBeUndefined();

  const practitioner = await signUp(t, 'Practitioner');
  const { communityId } = await createCommunity(t, `community-${slug}`);
  const questionId = await askQuestion(t, practitioner, communityId, { title: `Who agrees the days under ${slug}?` });
  const answerId = await answerQuestion(t, practitioner, questionId, `Your manager: policy:${slug}@1.0#responsibilities, for policy:${slug}@1.0#scope.`);
  await t.gql(SAVE, { input: { documentId, markdown: draft(title, 'Managers agree the days in writing.', false) } }, author);
  return { versionId: first.data!.publishPolicyVersion.id, documentId, author, practitioner, questionId, answerId };
}

const publishStalingVersion = (documentId: string) => ({ input: { documentId, bump: 'MINOR', summaryOfChanges: 'Written agreements; scope folded into purpose.', contributors: [] } });

async function notificationsOf(t: TestApp, userId: string): Promise<{ kind: string; message: string; path: string }[]> {
  return (await t.db.query(`SELECT kind, message, path FROM notifications WHERE user_id = $1 ORDER BY message`, [userId])) as { kind: string; message: string; path: string }[];
}

async function eventFor(t: TestApp, versionId: string): Promise<EventRow> {
  const [row] = (await t.db.query(
    `SELECT id, attempts, delivered_at IS NOT NULL AS delivered, last_error AS "lastError", available_at <= now() AS due
       FROM outbox_events WHERE kind = 'policy-version-published' AND payload = jsonb_build_object('versionId', $1::text)`,
    [versionId],
  )) as EventRow[];
  if (!row) throw new Error(`no outbox event for version ${versionId}`);
  return row;
}

/** Polls until `check` holds, at most `timeoutMs`; every wait in this file is bounded. */
async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const staleMessages = (slug: string) => [
  `“Responsibilities” of Policy ${slug} changed in version 1.1; your answer to “Who agrees the days under ${slug}?” cites it`,
  `“Scope” of Policy ${slug} was removed in version 1.1; your answer to “Who agrees the days under ${slug}?” cites it`,
];

describe('the outbox: what a publication causes is delivered by the worker', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://forum.example.org' });
    await t.db.query(`INSERT INTO organisations (slug, name) VALUES ('county-council', 'Shireford County Council') ON CONFLICT DO NOTHING`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('the api only writes events: it has no outbox worker', () => {
    const providers = [...t.app.get(ModulesContainer).values()].flatMap((module) => [...module.providers.keys()]);
    expect(providers).toContain(OutboxDelivery);
    expect(providers).not.toContain(OutboxProcessor);
  });

  it('notifies the authors of stale citations once, even when the api is killed right after the publication commits', async () => {
    const cited = await citedDocumentWithStalingDraft(t, 'remote-working');
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: t.config.redisUrl,
      REDIS_PREFIX: t.config.redisPrefix,
      RUN_MIGRATIONS: 'false',
      WEB_DIST_DIR: '/nonexistent',
      PUBLIC_URL: t.config.publicUrl,
      APP_SECRET: t.config.appSecret,
    };
    const api: ApiProcess = spawnApi(env, await freePort());
    let worker: ChildProcess | undefined;
    try {
      await waitForHealth(api, 60_000);
      const exited = new Promise((r) => api.child.once('exit', r));
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${cited.author.token}` },
        body: JSON.stringify({ query: PUBLISH, variables: publishStalingVersion(cited.documentId) }),
      });
      const published = (await response.json()) as { data?: { publishPolicyVersion: { id: string; version: string } }; errors?: unknown[] };
      // The moment the answer is in: nothing the api might still do after its response gets the chance.
      api.child.kill('SIGKILL');
      await exited;
      expect(published.errors).toBeUndefined();
      expect(published.data?.publishPolicyVersion.version).toBe('1.1');
      const versionId = published.data!.publishPolicyVersion.id;

      // The publication committed with its event; nobody has delivered it.
      expect(await eventFor(t, versionId)).toMatchObject({ delivered: false, attempts: 0 });
      expect(await notificationsOf(t, cited.practitioner.id)).toEqual([]);

      worker = spawnWorker(t);
      await waitForReady(worker);
      await waitFor(async () => (await eventFor(t, versionId)).delivered, 20_000, 'the worker to deliver the event');
      const notifications = await notificationsOf(t, cited.practitioner.id);
      expect(notifications.map((n) => n.message)).toEqual(staleMessages('remote-working'));
      expect(notifications.every((n) => n.kind === 'CITED_SECTION_CHANGED' && n.path === `/q/${cited.questionId}#a-${cited.answerId}`)).toBe(true);
      expect(await eventFor(t, versionId)).toMatchObject({ delivered: true, attempts: 1, lastError: null });

      // Another delivery run (a late nudge) finds nothing to do and adds nothing.
      const queue = t.app.get<Queue>(queueToken(QueueName.OUTBOX));
      const nudge = await queue.add('deliver-outbox', {});
      await waitFor(async () => (await nudge.getState()) === 'completed', 20_000, 'a second delivery run');
      expect(await notificationsOf(t, cited.practitioner.id)).toHaveLength(2);
    } finally {
      if (api.child.exitCode === null && api.child.signalCode === null) api.child.kill('SIGKILL');
      if (worker) {
        worker.kill('SIGTERM');
        await waitForExit(worker);
      }
    }
  }, 120_000);

  it('retries a handler that failed, after a pause, and delivers the event then', async () => {
    const delivery = t.app.get(OutboxDelivery);
    const cited = await citedDocumentWithStalingDraft(t, 'lone-working');
    await delivery.deliverDue();
    const published = await t.gql<{ publishPolicyVersion: { id: string } }>(PUBLISH, publishStalingVersion(cited.documentId), cited.author);
    expect(published.errors).toBeUndefined();
    const versionId = published.data!.publishPolicyVersion.id;
    // A real refusal from PostgreSQL, for this kind of notification only.
    await t.db.query(`ALTER TABLE notifications ADD CONSTRAINT outbox_test_refuses CHECK (kind <> 'CITED_SECTION_CHANGED') NOT VALID`);
    try {
      expect(await delivery.deliverDue()).toEqual({ delivered: 0, failed: 1 });
      const failed = await eventFor(t, versionId);
      expect(failed).toMatchObject({ delivered: false, attempts: 1, due: false });
      expect(failed.lastError).toContain('outbox_test_refuses');
      expect(await notificationsOf(t, cited.practitioner.id)).toEqual([]);
      // It waits out its backoff rather than failing again at once.
      expect(await delivery.deliverDue()).toEqual({ delivered: 0, failed: 0 });
    } finally {
      await t.db.query(`ALTER TABLE notifications DROP CONSTRAINT outbox_test_refuses`);
    }

    await waitFor(async () => (await delivery.deliverDue()).delivered === 1, 10_000, 'the retry after the backoff');
    expect(await eventFor(t, versionId)).toMatchObject({ delivered: true, attempts: 2, lastError: null });
    expect((await notificationsOf(t, cited.practitioner.id)).map((n) => n.message)).toEqual(staleMessages('lone-working'));
  });

  it('delivering an event again, even twice at once, inserts nothing twice', async () => {
    const delivery = t.app.get(OutboxDelivery);
    const cited = await citedDocumentWithStalingDraft(t, 'hot-desking');
    const published = await t.gql<{ publishPolicyVersion: { id: string } }>(PUBLISH, publishStalingVersion(cited.documentId), cited.author);
    const versionId = published.data!.publishPolicyVersion.id;
    expect((await delivery.deliverDue()).delivered).toBeGreaterThanOrEqual(1);
    expect(await notificationsOf(t, cited.practitioner.id)).toHaveLength(2);

    // As if the event had never been marked (replayed by an operator, or a handler with effects outside this transaction).
    const { id } = await eventFor(t, versionId);
    await t.db.query('UPDATE outbox_events SET delivered_at = NULL WHERE id = $1', [id]);
    const [first, second] = await Promise.all([delivery.deliverDue(), delivery.deliverDue()]);
    // Claimed once (SKIP LOCKED): one run delivered it, the other found nothing.
    expect(first.delivered + second.delivered).toBe(1);
    expect((await notificationsOf(t, cited.practitioner.id)).map((n) => n.message)).toEqual(staleMessages('hot-desking'));
    expect(await eventFor(t, versionId)).toMatchObject({ delivered: true, attempts: 2 });
  });
  it('tells the document’s followers, with a link to what changed, and never the person who published', async () => {
    const delivery = t.app.get(OutboxDelivery);
    const cited = await citedDocumentWithStalingDraft(t, 'flexible-hours');
    await delivery.deliverDue();
    const reader = await signUp(t, 'Policy Reader');
    const FOLLOW = 'mutation($input: FollowInput!) { follow(input: $input) { targetId } }';
    for (const person of [reader, cited.author]) {
      expect((await t.gql(FOLLOW, { input: { kind: 'POLICY_DOCUMENT', targetId: cited.documentId } }, person)).errors).toBeUndefined();
    }
    // The publisher cites the section too: their own change tells them nothing.
    const ownAnswer = await answerQuestion(t, cited.author, cited.questionId, 'As the policy says: policy:flexible-hours@1.0#responsibilities.');
    expect(ownAnswer).toBeTruthy();
    const published = await t.gql<{ publishPolicyVersion: { id: string } }>(PUBLISH, publishStalingVersion(cited.documentId), cited.author);
    expect(published.errors).toBeUndefined();
    expect((await delivery.deliverDue()).delivered).toBe(1);

    expect(await notificationsOf(t, reader.id)).toEqual([
      {
        kind: 'POLICY_VERSION_PUBLISHED',
        message: 'Version 1.1 of Policy flexible-hours was published: Written agreements; scope folded into purpose.',
        path: '/policies/flexible-hours/diff?from=1.0&to=1.1',
      },
    ]);
    expect(await notificationsOf(t, cited.author.id)).toEqual([]);
    // The practitioner also hears that the publisher answered their question; of the version, only the cited sections.
    const aboutTheVersion = (await notificationsOf(t, cited.practitioner.id)).filter((n) => n.kind !== 'NEW_ANSWER');
    expect(aboutTheVersion.map((n) => n.message)).toEqual(staleMessages('flexible-hours'));
  });
});

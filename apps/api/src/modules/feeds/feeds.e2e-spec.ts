import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import { answerQuestion, askQuestion, type Person } from '../../../test/forum-fixtures.js';
import { grantOrganisationRole, grantRole, signUp, startTestApp, type TestApp } from '../../../test/test-app.js';
import { seedDemoData } from '../../seed/seed.js';

const SITE = 'https://forum.example.org';
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const HOSTILE_TITLE = '<script>alert("feed")</script> & what about ]]> in a title?';

type XmlNode = Record<string, unknown>;

interface StrictEntry {
  id: string;
  title: string;
  link: string;
  updated: string;
  published: string;
  authors: string[];
  contributors: string[];
  categories: { term: string; scheme: string; label?: string }[];
  summary: string;
  content: string | undefined;
}

/** Text of an Atom text construct as fast-xml-parser gives it (a string, or an object with #text and attributes). */
function text(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (node && typeof node === 'object' && '#text' in node) return String((node as XmlNode)['#text']);
  return '';
}

function links(node: XmlNode): { rel: string; href: string; type?: string }[] {
  return ((node.link as XmlNode[] | undefined) ?? []).map((link) => ({ rel: String(link['@_rel'] ?? 'alternate'), href: String(link['@_href']), type: link['@_type'] as string | undefined }));
}

/**
 * The feed as RFC 4287 requires it, checked element by element (a feed reader forgives
 * what is missing; this does not): feed id, title, updated, an author, rel="self" and
 * rel="alternate" links; each entry's id (unique), title, updated, published, alternate
 * link and a summary. Returns the entries for the test's own checks.
 */
function readAtomStrictly(xml: string, selfUrl: string): { id: string; title: string; updated: string; alternate: string; entries: StrictEntry[] } {
  const parser = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => ['entry', 'link', 'author', 'contributor', 'category'].includes(name),
    processEntities: true,
    htmlEntities: false,
  });
  const document = parser.parse(xml, true) as { feed?: XmlNode };
  const feed = document.feed;
  if (!feed) throw new Error('no <feed> root');
  expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
  const id = text(feed.id);
  expect(id).toMatch(/^tag:forum\.example\.org,2025:feeds:/);
  expect(text(feed.title)).not.toBe('');
  expect(text(feed.updated)).toMatch(RFC3339);
  const feedLinks = links(feed);
  expect(feedLinks.filter((l) => l.rel === 'self')).toEqual([{ rel: 'self', href: selfUrl, type: 'application/atom+xml' }]);
  const alternate = feedLinks.find((l) => l.rel === 'alternate');
  expect(alternate?.href.startsWith(`${SITE}/`)).toBe(true);
  const feedAuthors = (feed.author as XmlNode[] | undefined) ?? [];
  expect(feedAuthors.map((a) => text(a.name))).toEqual(['Policy Commons']);
  const entries = ((feed.entry as XmlNode[] | undefined) ?? []).map((entry): StrictEntry => {
    const entryLinks = links(entry);
    const alternates = entryLinks.filter((l) => l.rel === 'alternate');
    expect(alternates).toHaveLength(1);
    expect(alternates[0].href.startsWith(`${SITE}/`)).toBe(true);
    const updated = text(entry.updated);
    const published = text(entry.published);
    expect(updated).toMatch(RFC3339);
    expect(published).toMatch(RFC3339);
    expect(Date.parse(published)).toBeLessThanOrEqual(Date.parse(updated));
    expect(text(entry.title)).not.toBe('');
    const summary = entry.summary as XmlNode;
    expect(summary['@_type']).toBe('text');
    return {
      id: text(entry.id),
      title: text(entry.title),
      link: alternates[0].href,
      updated,
      published,
      authors: ((entry.author as XmlNode[] | undefined) ?? []).map((a) => text(a.name)),
      contributors: ((entry.contributor as XmlNode[] | undefined) ?? []).map((c) => text(c.name)),
      categories: ((entry.category as XmlNode[] | undefined) ?? []).map((c) => ({ term: String(c['@_term']), scheme: String(c['@_scheme']), label: c['@_label'] as string | undefined })),
      summary: text(summary),
      content: entry.content === undefined ? undefined : text(entry.content),
    };
  });
  for (const entry of entries) expect(entry.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  // The feed's updated is its newest entry's.
  if (entries.length) expect(Date.parse(text(feed.updated))).toBe(Math.max(...entries.map((e) => Date.parse(e.updated))));
  return { id, title: text(feed.title), updated: text(feed.updated), alternate: alternate?.href ?? '', entries };
}

describe('Atom feeds', () => {
  let t: TestApp;
  let asker: Person;
  let answerer: Person;
  let moderator: Person;
  let communityId: string;
  let hostileCommunityTitle: string;
  const questionIds: string[] = [];
  let hostileQuestionId: string;
  let hiddenQuestionId: string;
  let deletedQuestionId: string;
  let answeredQuestionId: string;
  let hiddenAnswerId: string;

  /** Fetches a feed by its path, checking what every feed answer carries. */
  async function getFeed(path: string, headers: Record<string, string> = {}) {
    const response = await fetch(`${t.url}${path}`, { headers });
    return { response, xml: await response.text() };
  }

  async function readFeed(path: string) {
    // As a browser asks (text/html first): the web app's fallback page must not answer.
    const { response, xml } = await getFeed(path, { accept: BROWSER_ACCEPT });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
    // helmet's headers come with feeds too.
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const strict = readAtomStrictly(xml, `${SITE}${path}`);
    // What a feed reader makes of it.
    const reader = parseFeed(xml);
    expect(reader.meta.type).toBe('atom');
    expect(reader.self).toBe(`${SITE}${path}`);
    expect(reader.url).toBe(strict.alternate);
    expect(reader.items.map((item) => item.id)).toEqual(strict.entries.map((e) => e.id));
    expect(reader.items.map((item) => item.url)).toEqual(strict.entries.map((e) => e.link));
    expect(response.headers.get('last-modified')).toBe(new Date(strict.updated).toUTCString());
    return { response, xml, strict, reader };
  }

  const HIDE = 'mutation($input: ModeratePostInput!) { hidePost(input: $input) }';
  const DELETE = 'mutation($input: ModeratePostInput!) { deletePost(input: $input) }';

  // A web build, so the SPA fallback is in place and must leave feeds to their controller.
  const webDist = mkdtempSync(join(tmpdir(), 'pc-web-dist-'));

  beforeAll(async () => {
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><head></head><body><div id="root"></div></body></html>');
    t = await startTestApp({ PUBLIC_URL: SITE, WEB_DIST_DIR: webDist });
    await seedDemoData(t.config);
    asker = await signUp(t, 'Asker <b>& Co</b>');
    answerer = await signUp(t, 'Answerer');
    moderator = await signUp(t, 'Moderator');
    await grantRole(t, moderator.id, 'MODERATOR');
    hostileCommunityTitle = 'Parish & "Town" <Councils>';
    const created = await t.gql<{ createCommunity: { id: string } }>('mutation($input: CreateCommunityInput!) { createCommunity(input: $input) { id } }', {
      input: { slug: 'busy-community', title: hostileCommunityTitle, description: 'Where the feeds are tested.' },
    }, moderator);
    communityId = created.data?.createCommunity.id as string;
    expect(communityId).toBeDefined();
    // 52 questions: more than a feed holds.
    for (let i = 1; i <= 52; i += 1) {
      questionIds.push(await askQuestion(t, asker, communityId, { title: `Busy question number ${i} about dual roles`, tags: i % 2 ? ['feeds-odd', 'dual-roles'] : ['dual-roles'] }));
    }
    hostileQuestionId = await askQuestion(t, asker, communityId, {
      title: HOSTILE_TITLE,
      body: 'First paragraph with <b>markup</b> & an ampersand.\n\nSecond paragraph\u0001 with a control character.',
      tags: ['feeds-odd'],
    });
    answeredQuestionId = questionIds[0];
    await answerQuestion(t, answerer, answeredQuestionId, 'The first answer, <em>plain</em> & simple.');
    hiddenAnswerId = await answerQuestion(t, answerer, answeredQuestionId, 'An answer a moderator will hide.');
    await answerQuestion(t, moderator, answeredQuestionId, 'The newest answer.');
    hiddenQuestionId = await askQuestion(t, asker, communityId, { title: 'A question a moderator will hide', tags: ['feeds-odd'] });
    deletedQuestionId = await askQuestion(t, asker, communityId, { title: 'A question its author will delete', tags: ['feeds-odd'] });
    for (const [mutation, postId, person] of [
      [HIDE, hiddenQuestionId, moderator],
      [HIDE, hiddenAnswerId, moderator],
      [DELETE, deletedQuestionId, asker],
    ] as const) {
      const result = await t.gql(mutation, { input: { postId, reason: 'Not for the feeds.' } }, person);
      expect(result.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('lists the 50 newest readable questions of the whole forum, newest first, with their authors, community and tags', async () => {
    const { strict, reader } = await readFeed('/feeds/questions.atom');
    expect(strict.id).toBe('tag:forum.example.org,2025:feeds:questions');
    expect(strict.alternate).toBe(`${SITE}/`);
    expect(strict.entries).toHaveLength(50);
    const newestFirst = [hostileQuestionId, ...[...questionIds].reverse()].slice(0, 50);
    expect(strict.entries.map((e) => e.id)).toEqual(newestFirst.map((id) => `urn:uuid:${id}`));
    expect(strict.entries.map((e) => e.link)).toEqual(newestFirst.map((id) => `${SITE}/q/${id}`));
    const busy = strict.entries.find((e) => e.id === `urn:uuid:${questionIds[50]}`);
    expect(busy).toMatchObject({
      title: 'Busy question number 51 about dual roles',
      authors: ['Asker <b>& Co</b>'],
      categories: [
        { term: 'busy-community', scheme: `${SITE}/c/`, label: hostileCommunityTitle },
        { term: 'feeds-odd', scheme: `${SITE}/t/` },
        { term: 'dual-roles', scheme: `${SITE}/t/` },
      ],
    });
    expect(reader.items.find((item) => item.id === busy?.id)?.authors[0]).toMatchObject({ name: 'Asker <b>& Co</b>', url: `${SITE}/u/${asker.id}` });
  });

  it('keeps hostile text as text: a reader sees the title as typed, and no markup reaches the XML or the HTML content', async () => {
    const { xml, strict, reader } = await readFeed('/feeds/questions.atom');
    expect(xml).not.toMatch(/<script|<b>|<em>/);
    expect(xml).not.toContain('\u0001');
    const entry = strict.entries.find((e) => e.id === `urn:uuid:${hostileQuestionId}`);
    expect(entry?.title).toBe(HOSTILE_TITLE);
    expect(reader.items.find((item) => item.id === entry?.id)?.title).toBe(HOSTILE_TITLE);
    expect(entry?.summary).toBe('First paragraph with <b>markup</b> & an ampersand. Second paragraph with a control character.');
    // The content is HTML made only of escaped text: the member's tags show as text, never as elements.
    expect(entry?.content).toBe('<p>First paragraph with &lt;b&gt;markup&lt;/b&gt; &amp; an ampersand.</p>\n<p>Second paragraph with a control character.</p>');
  });

  it('never shows hidden or deleted questions, in any feed', async () => {
    for (const path of ['/feeds/questions.atom', '/feeds/communities/busy-community.atom', '/feeds/tags/feeds-odd.atom']) {
      const { strict } = await readFeed(path);
      const ids = strict.entries.map((e) => e.id);
      expect(ids).not.toContain(`urn:uuid:${hiddenQuestionId}`);
      expect(ids).not.toContain(`urn:uuid:${deletedQuestionId}`);
    }
    for (const id of [hiddenQuestionId, deletedQuestionId]) expect((await getFeed(`/feeds/questions/${id}/answers.atom`)).response.status).toBe(404);
  });

  it("has a community's feed and a tag's feed, each of its own questions only", async () => {
    const community = await readFeed('/feeds/communities/busy-community.atom');
    expect(community.strict.id).toBe(`tag:forum.example.org,2025:feeds:community:${communityId}`);
    expect(community.strict.title).toBe(`${hostileCommunityTitle}: latest questions`);
    expect(community.reader.title).toBe(`${hostileCommunityTitle}: latest questions`);
    expect(community.strict.alternate).toBe(`${SITE}/c/busy-community`);
    expect(community.strict.entries).toHaveLength(50);
    expect(community.strict.entries.every((e) => e.categories[0]?.term === 'busy-community')).toBe(true);

    const demo = await readFeed('/feeds/communities/social-media-in-local-government.atom');
    expect(demo.strict.entries.length).toBeGreaterThan(0);
    expect(demo.strict.entries.map((e) => e.id)).not.toContain(`urn:uuid:${questionIds[51]}`);

    const tag = await readFeed('/feeds/tags/feeds-odd.atom');
    // The tag page accepts any case, and so does its feed, which names the tag as stored.
    expect((await getFeed('/feeds/tags/Feeds-Odd.atom')).xml).toBe(tag.xml);
    expect(tag.strict.alternate).toBe(`${SITE}/t/feeds-odd`);
    const odd = questionIds.filter((_, index) => index % 2 === 0);
    expect(tag.strict.entries.map((e) => e.id)).toEqual([hostileQuestionId, ...odd.reverse()].map((id) => `urn:uuid:${id}`));
  });

  it("has a question's readable answers, newest first, linked to each answer on the question page", async () => {
    const { strict, reader } = await readFeed(`/feeds/questions/${answeredQuestionId}/answers.atom`);
    expect(strict.id).toBe(`tag:forum.example.org,2025:feeds:question:${answeredQuestionId}:answers`);
    expect(strict.alternate).toBe(`${SITE}/q/${answeredQuestionId}`);
    expect(strict.entries.map((e) => e.summary)).toEqual(['The newest answer.', 'The first answer, <em>plain</em> & simple.']);
    expect(strict.entries.map((e) => e.id)).not.toContain(`urn:uuid:${hiddenAnswerId}`);
    expect(strict.entries[1].link).toMatch(new RegExp(`^${SITE}/q/${answeredQuestionId}#answer-[0-9a-f-]{36}$`));
    expect(strict.entries[1].link).toBe(`${SITE}/q/${answeredQuestionId}#answer-${strict.entries[1].id.slice('urn:uuid:'.length)}`);
    expect(reader.items.map((item) => item.authors[0]?.name)).toEqual(['Moderator', 'Answerer']);
  });

  it("has a policy document's versions, newest first, each with its summary of changes, contributors and a link to what changed", async () => {
    const { strict, reader } = await readFeed('/feeds/policies/social-media-policy.atom');
    const [documentRow] = (await t.db.query(`SELECT id FROM policy_documents WHERE slug = 'social-media-policy'`)) as { id: string }[];
    expect(strict.id).toBe(`tag:forum.example.org,2025:feeds:policy:${documentRow.id}`);
    expect(strict.alternate).toBe(`${SITE}/policies/social-media-policy`);
    const versions = (await t.db.query(
      `SELECT v.id, v.version, v.summary_of_changes AS summary FROM policy_versions v JOIN policy_documents d ON d.id = v.document_id
        WHERE d.slug = 'social-media-policy' ORDER BY v.major DESC, v.minor DESC`,
    )) as { id: string; version: string; summary: string }[];
    expect(versions.map((v) => v.version)).toEqual(['3.0', '2.0', '1.0']);
    expect(strict.entries.map((e) => e.id)).toEqual(versions.map((v) => `urn:uuid:${v.id}`));
    expect(strict.entries.map((e) => e.title)).toEqual(versions.map((v) => `Social Media Policy and Guidance, version ${v.version}`));
    expect(strict.entries.map((e) => e.summary)).toEqual(versions.map((v) => v.summary));
    expect(strict.entries.map((e) => e.link)).toEqual([
      `${SITE}/policies/social-media-policy/diff?from=2.0&to=3.0`,
      `${SITE}/policies/social-media-policy/diff?from=1.0&to=2.0`,
      `${SITE}/policies/social-media-policy/1.0`,
    ]);
    expect(strict.entries[1].contributors).toContain('Sarah Whitfield (Head of ICT)');
    expect(strict.entries[1].authors).toEqual(['Shireford County Council']);
    expect(strict.entries[1].content).toContain('Contributors: ');
    // The version's own date, as the organisation gave it.
    expect(strict.entries[1].published).toBe('2011-02-21T00:00:00Z');
    expect(reader.items[0].url).toBe(`${SITE}/policies/social-media-policy/diff?from=2.0&to=3.0`);
  });

  it('has a site-wide feed of policy changes that gains an entry when a version is published, hostile text and all', async () => {
    const before = await readFeed('/feeds/policy-changes.atom');
    expect(before.strict.id).toBe('tag:forum.example.org,2025:feeds:policy-changes');
    expect(before.strict.alternate).toBe(`${SITE}/policies`);
    const [{ count }] = (await t.db.query('SELECT count(*)::int AS count FROM policy_versions')) as { count: number }[];
    expect(before.strict.entries).toHaveLength(count);

    const author = await signUp(t, 'Policy Author');
    await grantOrganisationRole(t, author.id, 'county-council', 'POLICY_AUTHOR');
    const created = await t.gql<{ createPolicyDocument: { id: string } }>('mutation($input: CreatePolicyDocumentInput!) { createPolicyDocument(input: $input) { id } }', {
      input: { organisationSlug: 'county-council', slug: 'feed-test-policy', title: 'Rules on <script> & "quotes"' },
    }, author);
    const documentId = created.data?.createPolicyDocument.id;
    expect(documentId).toBeDefined();
    const saved = await t.gql('mutation($input: SavePolicyDraftInput!) { savePolicyDraft(input: $input) { updatedAt } }', {
      input: { documentId, markdown: '# Feed Test Policy\n\n## Purpose\n\nWhy this exists.\n' },
    }, author);
    expect(saved.errors).toBeUndefined();
    const published = await t.gql<{ publishPolicyVersion: { id: string } }>('mutation($input: PublishPolicyVersionInput!) { publishPolicyVersion(input: $input) { id } }', {
      input: { documentId, bump: 'MAJOR', summaryOfChanges: 'First edition: <b>bold</b> & brave.', contributors: [{ name: 'Ann <i>', role: 'Author & editor' }] },
    }, author);
    expect(published.errors).toBeUndefined();

    const after = await readFeed('/feeds/policy-changes.atom');
    expect(after.strict.entries).toHaveLength(count + 1);
    expect(after.strict.entries[0]).toMatchObject({
      id: `urn:uuid:${published.data?.publishPolicyVersion.id}`,
      title: 'Rules on <script> & "quotes", version 1.0',
      link: `${SITE}/policies/feed-test-policy/1.0`,
      summary: 'First edition: <b>bold</b> & brave.',
      contributors: ['Ann <i> (Author & editor)'],
    });
    expect(after.xml).not.toMatch(/<script|<b>|<i>/);
    expect(after.reader.items[0].title).toBe('Rules on <script> & "quotes", version 1.0');
    expect(after.response.headers.get('etag')).not.toBe(before.response.headers.get('etag'));
  });

  it('answers a conditional GET with 304 until the feed changes, a removal included', async () => {
    const path = '/feeds/communities/busy-community.atom';
    const first = await readFeed(path);
    const etag = first.response.headers.get('etag') as string;
    const lastModified = first.response.headers.get('last-modified') as string;

    const byTag = await getFeed(path, { 'if-none-match': etag });
    expect(byTag.response.status).toBe(304);
    expect(byTag.xml).toBe('');
    expect(byTag.response.headers.get('etag')).toBe(etag);
    expect((await getFeed(path, { 'if-none-match': `W/${etag}` })).response.status).toBe(304);
    expect((await getFeed(path, { 'if-modified-since': lastModified })).response.status).toBe(304);
    expect((await getFeed(path, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).response.status).toBe(200);
    expect((await getFeed(path, { 'if-none-match': '"something-else"' })).response.status).toBe(200);

    // A moderator hiding the newest question changes the feed, so its ETag too.
    const hidden = await t.gql(HIDE, { input: { postId: hostileQuestionId, reason: 'Testing feeds.' } }, moderator);
    expect(hidden.errors).toBeUndefined();
    const afterRemoval = await getFeed(path, { 'if-none-match': etag });
    expect(afterRemoval.response.status).toBe(200);
    expect(afterRemoval.xml).not.toContain(hostileQuestionId);

    const newQuestionId = await askQuestion(t, asker, communityId, { title: 'A new question after the reader last looked' });
    const changed = await getFeed(path, { 'if-none-match': afterRemoval.response.headers.get('etag') as string, 'if-modified-since': lastModified });
    expect(changed.response.status).toBe(200);
    expect(changed.xml).toContain(`urn:uuid:${newQuestionId}`);
  });

  it('answers 404 for a community, tag, question or policy document that does not exist', async () => {
    for (const path of [
      '/feeds/communities/no-such-community.atom',
      '/feeds/tags/no-such-tag.atom',
      '/feeds/questions/00000000-0000-4000-8000-000000000000/answers.atom',
      '/feeds/questions/not-a-uuid/answers.atom',
      '/feeds/policies/no-such-policy.atom',
      '/feeds/nothing.atom',
    ]) {
      const { response, xml } = await getFeed(path, { accept: BROWSER_ACCEPT });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(xml).not.toContain('<div id="root">');
    }
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { answerQuestion, askQuestion, createCommunity, type Person } from '../../../test/forum-fixtures.js';
import { signUp, startTestApp, type TestApp } from '../../../test/test-app.js';
import { seedDemoData } from '../../seed/seed.js';

const SITE = 'https://forum.example.org';
const URLS_PER_FILE = 3;
/** W3C Datetime (what sitemaps' lastmod takes), to the second with a zone. */
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const SITEMAPS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

/** A well-formed XML document, parsed. */
function parseXml(xml: string): Record<string, Record<string, unknown>> {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  return parser.parse(xml) as Record<string, Record<string, unknown>>;
}

describe('robots.txt and sitemaps', () => {
  let t: TestApp;
  let asker: Person;
  let answerer: Person;
  let lurker: Person;
  let hiddenOnly: Person;
  const visibleQuestionIds: string[] = [];
  let hiddenQuestionId: string;
  let deletedQuestionId: string;

  /** Fetches a URL the sitemaps name (under PUBLIC_URL) from the test server. */
  const local = (url: string) => {
    expect(url.startsWith(`${SITE}/`)).toBe(true);
    return `${t.url}${url.slice(SITE.length)}`;
  };

  async function readIndex(): Promise<string[]> {
    const response = await fetch(`${t.url}/sitemap.xml`, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    const index = parseXml(await response.text()).sitemapindex;
    expect(index['@_xmlns']).toBe(SITEMAPS);
    return (index.sitemap as { loc: string }[]).map((sitemap) => sitemap.loc);
  }

  async function readFile(url: string): Promise<{ loc: string; lastmod?: string }[]> {
    const response = await fetch(local(url), { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const urlset = parseXml(await response.text()).urlset;
    expect(urlset['@_xmlns']).toBe(SITEMAPS);
    return (urlset.url as { loc: string; lastmod?: string }[] | undefined) ?? [];
  }

  /** Every file of the index with the URLs it lists. */
  async function readAll(): Promise<Map<string, { loc: string; lastmod?: string }[]>> {
    const files = new Map<string, { loc: string; lastmod?: string }[]>();
    for (const url of await readIndex()) files.set(url, await readFile(url));
    return files;
  }

  // A web build, so the SPA fallback is in place and must leave these documents to their controller.
  const webDist = mkdtempSync(join(tmpdir(), 'pc-web-dist-'));
  const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

  beforeAll(async () => {
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><html><head></head><body><div id="root"></div></body></html>');
    t = await startTestApp({ PUBLIC_URL: SITE, SITEMAP_URLS_PER_FILE: String(URLS_PER_FILE), WEB_DIST_DIR: webDist });
    await seedDemoData(t.config);
    asker = await signUp(t, 'Asker');
    answerer = await signUp(t, 'Answers only');
    lurker = await signUp(t, 'Never posts');
    hiddenOnly = await signUp(t, 'Only hidden posts');
    const { communityId, moderator } = await createCommunity(t, 'sitemap-community');
    for (let i = 1; i <= 8; i += 1) visibleQuestionIds.push(await askQuestion(t, asker, communityId, { title: `Sitemap question number ${i}`, tags: [`sitemap-tag-${i % 4}`] }));
    await answerQuestion(t, answerer, visibleQuestionIds[0]);
    hiddenQuestionId = await askQuestion(t, hiddenOnly, communityId, { title: 'A question a moderator hides', tags: ['only-hidden'] });
    deletedQuestionId = await askQuestion(t, asker, communityId, { title: 'A question its author deletes' });
    for (const [mutation, postId, person] of [
      ['hidePost', hiddenQuestionId, moderator],
      ['deletePost', deletedQuestionId, asker],
    ] as const) {
      const result = await t.gql(`mutation($input: ModeratePostInput!) { ${mutation}(input: $input) }`, { input: { postId, reason: 'Not for crawlers.' } }, person);
      expect(result.errors).toBeUndefined();
    }
    const demo = (await t.db.query('SELECT id FROM questions WHERE hidden_at IS NULL AND deleted_at IS NULL AND NOT (id = ANY($1::uuid[]))', [visibleQuestionIds])) as { id: string }[];
    visibleQuestionIds.push(...demo.map((row) => row.id));
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('robots.txt lets crawlers read public pages, keeps them out of private ones and names the sitemap', async () => {
    const response = await fetch(`${t.url}/robots.txt`, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const lines = (await response.text()).split('\n');
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).toContain('Allow: /');
    for (const path of ['/admin', '/graphql', '/settings', '/moderation', '/unsubscribe', '/email-confirmation']) expect(lines).toContain(`Disallow: ${path}`);
    // Nothing public is shut out.
    for (const path of ['/', '/q', '/c', '/t', '/u', '/policies']) expect(lines).not.toContain(`Disallow: ${path}`);
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('indexes files of at most SITEMAP_URLS_PER_FILE URLs, absolute and under PUBLIC_URL, each URL once, with W3C lastmod dates', async () => {
    const files = await readAll();
    const all = [...files.values()].flat();
    for (const [file, urls] of files) {
      expect(file).toMatch(new RegExp(`^${SITE}/sitemaps/[a-z-]+\\.xml(\\?after=[A-Za-z0-9_-]+)?$`));
      expect(urls.length).toBeLessThanOrEqual(URLS_PER_FILE);
    }
    for (const url of all) {
      expect(url.loc.startsWith(`${SITE}/`)).toBe(true);
      if (url.loc !== `${SITE}/` && url.loc !== `${SITE}/policies`) expect(url.lastmod).toMatch(W3C_DATETIME);
    }
    expect(new Set(all.map((url) => url.loc)).size).toBe(all.length);
    const locs = all.map((url) => url.loc);
    expect(locs).toEqual(expect.arrayContaining([`${SITE}/`, `${SITE}/policies`, `${SITE}/c/sitemap-community`, `${SITE}/c/social-media-in-local-government`]));
    expect(locs).toEqual(expect.arrayContaining([`${SITE}/policies/social-media-policy`, `${SITE}/policies/social-media-policy/1.0`, `${SITE}/policies/social-media-policy/3.0`]));
  });

  it('lists every readable question exactly once across consecutive files (keyset pages), never a hidden or deleted one', async () => {
    const index = await readIndex();
    const questionFiles = index.filter((url) => url.startsWith(`${SITE}/sitemaps/questions.xml`));
    // Files are cut by every question, removed ones too (their key order is what stays put): 12 questions, 3 a file.
    const [{ total }] = (await t.db.query('SELECT count(*)::int AS total FROM questions')) as { total: number }[];
    expect(questionFiles).toHaveLength(Math.ceil(total / URLS_PER_FILE));
    expect(questionFiles[0]).toBe(`${SITE}/sitemaps/questions.xml`);
    const listed: string[] = [];
    for (const file of questionFiles) listed.push(...(await readFile(file)).map((url) => url.loc));
    expect(listed.sort()).toEqual(visibleQuestionIds.map((id) => `${SITE}/q/${id}`).sort());
    expect(listed).not.toContain(`${SITE}/q/${hiddenQuestionId}`);
    expect(listed).not.toContain(`${SITE}/q/${deletedQuestionId}`);
  });

  it("gives a question its last activity as lastmod, and a tag its newest question's date", async () => {
    const files = await readAll();
    const all = new Map([...files.values()].flat().map((url) => [url.loc, url.lastmod]));
    const [answered] = (await t.db.query('SELECT last_activity_at AS at FROM questions WHERE id = $1', [visibleQuestionIds[0]])) as { at: Date }[];
    expect(all.get(`${SITE}/q/${visibleQuestionIds[0]}`)).toBe(answered.at.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    const [newest] = (await t.db.query('SELECT created_at AS at FROM questions WHERE id = $1', [visibleQuestionIds[7]])) as { at: Date }[];
    expect(all.get(`${SITE}/t/sitemap-tag-0`)).toBe(newest.at.toISOString().replace(/\.\d{3}Z$/, 'Z'));
    // A tag whose only question is hidden has no page worth crawling.
    expect(all.has(`${SITE}/t/only-hidden`)).toBe(false);
  });

  it('lists the profiles of people with readable posts only', async () => {
    const files = await readAll();
    const profiles = [...files.entries()].filter(([file]) => file.startsWith(`${SITE}/sitemaps/profiles.xml`)).flatMap(([, urls]) => urls.map((url) => url.loc));
    expect(profiles).toEqual(expect.arrayContaining([`${SITE}/u/${asker.id}`, `${SITE}/u/${answerer.id}`]));
    expect(profiles).not.toContain(`${SITE}/u/${lurker.id}`);
    expect(profiles).not.toContain(`${SITE}/u/${hiddenOnly.id}`);
  });

  it('walks keys only: the index costs one statement per file it lists', async () => {
    const index = await readIndex();
    const before = t.statements();
    await readIndex();
    // Every section but the fixed "pages" asks where its next file starts once per file it has.
    expect(t.statements() - before).toBe(index.length - 1);
  });

  it('answers 404 for a sitemap that does not exist or a cursor that is not one', async () => {
    for (const path of ['/sitemaps/nothing.xml', '/sitemaps/questions.xml?after=not-a-cursor', `/sitemaps/questions.xml?after=${Buffer.from('["x"]').toString('base64url')}`]) {
      const response = await fetch(`${t.url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      expect(await response.text()).not.toContain('<div id="root">');
    }
  });
});

import type { Browser } from 'playwright-core';
import { databaseUrlFor, type RunningApi } from './support/api-server';
import { startForum, type ForumUnderTest } from './support/forum-under-test';
import { waitForHydrationAfterLoads } from './support/hydration';
import { runSql } from './support/database';
import { DEMO_PASSWORD } from './support/forum-pages';

/*
 * The public pages as the open web gets them: plain HTTP, no JavaScript (a crawler, a link
 * preview, a reader with scripts off), then a browser that hydrates the same HTML. The api
 * renders them with the web app's own components (modules/pages, apps/web entry-server).
 */

const DEMO_COMMUNITY = 'social-media-in-local-government';
const POLICY = 'social-media-policy';
// Votes on the demo question, which the practitioner asked (nobody votes on their own post).
const VOTER = 'moderator@example.org';
const databaseName = `policy_commons_e2e_ssr_${process.pid}`;
const databaseUrl = databaseUrlFor(databaseName);

let api: RunningApi;
let browser: Browser | undefined;
let forum: ForumUnderTest | undefined;
let questionId = '';
let authorId = '';

beforeAll(async () => {
  forum = await startForum(databaseName, () => {
    const row = runSql(databaseUrl, `SELECT q.id || ' ' || q.author_id FROM questions q JOIN answers a ON a.question_id = q.id WHERE q.title LIKE 'Does a social media policy cover%' GROUP BY q.id LIMIT 1`).trim();
    [questionId, authorId] = row.split(' ') as [string, string];
  });
  ({ api, browser } = forum);
}, 240_000);

afterAll(async () => {
  await forum?.stop();
}, 60_000);

interface Fetched {
  status: number;
  html: string;
  headers: Headers;
}

async function get(path: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const response = await fetch(`${api.baseUrl}${path}`, { headers: { accept: 'text/html', ...headers }, redirect: 'manual' });
  return { status: response.status, html: await response.text(), headers: response.headers };
}

/** The text of the page's main content, tags removed: what a reader without JavaScript sees. */
function mainText(html: string): string {
  const main = /<main\b[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1] ?? '';
  return main.replace(/<script\b[\s\S]*?<\/script>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

function head(html: string): string {
  return /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
}

type JsonLd = Record<string, unknown> & { '@type': string };

function jsonLdOf(html: string): JsonLd[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1] as string) as JsonLd);
}

function ofType(html: string, type: string): JsonLd {
  const found = jsonLdOf(html).find((data) => data['@type'] === type);
  if (!found) throw new Error(`no ${type} JSON-LD in the page; found ${jsonLdOf(html).map((data) => data['@type']).join(', ') || 'none'}`);
  return found;
}

function expectAbsoluteUrl(value: unknown): void {
  expect(typeof value).toBe('string');
  expect(new URL(value as string).protocol).toMatch(/^https?:$/);
}

function expectBreadcrumbs(html: string, names: string[]): void {
  const list = ofType(html, 'BreadcrumbList');
  const items = list.itemListElement as Array<{ '@type': string; position: number; name: string; item: string }>;
  expect(items.map((item) => item.name)).toEqual(names);
  items.forEach((item, index) => {
    expect(item['@type']).toBe('ListItem');
    expect(item.position).toBe(index + 1);
    expectAbsoluteUrl(item.item);
  });
}

describe('public pages over plain HTTP', () => {
  const pages = (): Array<{ path: string; title: RegExp; content: RegExp; canonical: RegExp }> => [
    { path: '/', title: /^Home · Policy Commons$/, content: /Does a social media policy cover/, canonical: /\/$/ },
    { path: `/c/${DEMO_COMMUNITY}`, title: /^Social Media in Local Government · /, content: /Does a social media policy cover/, canonical: new RegExp(`/c/${DEMO_COMMUNITY}$`) },
    { path: '/t/social-media', title: /^Questions tagged social-media · /, content: /Does a social media policy cover/, canonical: /\/t\/social-media$/ },
    { path: `/q/${questionId}`, title: /^Does a social media policy cover officers who are also parish councillors\? · /, content: /parish council/i, canonical: new RegExp(`/q/${questionId}$`) },
    { path: '/search?q=parish', title: /^Search: parish · /, content: /Does a social media policy cover/, canonical: /\/search\?q=parish$/ },
    { path: `/u/${authorId}`, title: / · Policy Commons$/, content: /Does a social media policy cover/, canonical: new RegExp(`/u/${authorId}$`) },
    { path: '/policies', title: /^Policy library · /, content: /Social Media Policy and Guidance/, canonical: /\/policies$/ },
    { path: `/policies/${POLICY}`, title: /^Social Media Policy and Guidance 3\.0 · /, content: /Social Media Policy and Guidance/, canonical: new RegExp(`/policies/${POLICY}$`) },
    { path: `/policies/${POLICY}/2.0`, title: /^Social Media Policy and Guidance 2\.0 · /, content: /You are reading version 2\.0/, canonical: new RegExp(`/policies/${POLICY}/2\\.0$`) },
    { path: `/policies/${POLICY}/diff?from=2.0&to=3.0`, title: /^What changed in Social Media Policy and Guidance: 2\.0 to 3\.0 · /, content: /What changed in Social Media Policy and Guidance/, canonical: /diff\?from=2\.0&(amp;)?to=3\.0$/ },
  ];

  it('renders each public page on the server: its content, title, canonical link and description, with no inline script', async () => {
    for (const page of pages()) {
      const { status, html, headers } = await get(page.path);
      expect({ path: page.path, status }).toEqual({ path: page.path, status: 200 });
      expect(headers.get('content-type')).toMatch(/^text\/html/);
      expect(mainText(html)).toMatch(page.content);
      const titles = [...head(html).matchAll(/<title>([^<]*)<\/title>/g)].map((match) => match[1]);
      expect({ path: page.path, titles: titles.length }).toEqual({ path: page.path, titles: 1 });
      expect(titles[0]?.replace(/&#x27;/g, "'")).toMatch(page.title);
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(head(html))?.[1];
      expect({ path: page.path, canonical }).toEqual({ path: page.path, canonical: expect.stringMatching(page.canonical) });
      expectAbsoluteUrl(canonical?.replace(/&amp;/g, '&'));
      expect(head(html).match(/<meta name="description"/g)).toHaveLength(1);
      expect(head(html)).toMatch(/<meta property="og:title" content="[^"]+"/);
      expect(html).toMatch(/<html lang="en/);
      // The CSP allows no inline script: every executable script is a file, the data is JSON.
      for (const [script] of html.matchAll(/<script\b[^>]*>/g)) {
        expect({ path: page.path, script }).toEqual({ path: page.path, script: expect.stringMatching(/\bsrc=|type="application\/(ld\+)?json"/) });
      }
    }
  });

  it('describes a question as a QAPage, with its answers, votes, dates and authors, and where it sits', async () => {
    const { html } = await get(`/q/${questionId}`);
    const qaPage = ofType(html, 'QAPage');
    const question = qaPage.mainEntity as Record<string, unknown>;
    expect(question['@type']).toBe('Question');
    expect(question.name).toMatch(/Does a social media policy cover/);
    expect(typeof question.text).toBe('string');
    expect(question.answerCount).toBeGreaterThan(0);
    expect(typeof question.upvoteCount).toBe('number');
    expect(Number.isNaN(Date.parse(question.dateCreated as string))).toBe(false);
    expect((question.author as Record<string, unknown>).name).toEqual(expect.any(String));
    const answers = [...(question.acceptedAnswer ? [question.acceptedAnswer] : []), ...((question.suggestedAnswer as unknown[]) ?? [])] as Array<Record<string, unknown>>;
    expect(answers.length).toBe(question.answerCount);
    for (const answer of answers) {
      expect(answer['@type']).toBe('Answer');
      expect(typeof answer.text).toBe('string');
      expect(typeof answer.upvoteCount).toBe('number');
      expect(Number.isNaN(Date.parse(answer.dateCreated as string))).toBe(false);
      expect((answer.author as Record<string, unknown>).name).toEqual(expect.any(String));
      expectAbsoluteUrl(answer.url);
    }
    expectBreadcrumbs(html, ['Home', 'Social Media in Local Government', question.name as string]);
    // The answers and their citations are in the HTML itself.
    expect(html).toMatch(/data-testid="citation-chip/);
  });

  it('describes a policy version as a DigitalDocument with its version, date and organisation', async () => {
    for (const [path, version] of [[`/policies/${POLICY}`, '3.0'], [`/policies/${POLICY}/2.0`, '2.0']] as const) {
      const { html } = await get(path);
      const document = ofType(html, 'DigitalDocument');
      expect(document.name).toBe('Social Media Policy and Guidance');
      expect(document.version).toBe(version);
      expect(Number.isNaN(Date.parse(document.datePublished as string))).toBe(false);
      expectAbsoluteUrl(document.url);
      const owner = (document.publisher ?? document.author) as Record<string, unknown>;
      expect(owner['@type']).toBe('Organization');
      expect(typeof owner.name).toBe('string');
      expect(mainText(html)).toMatch(/Scope|Purpose/);
    }
    expectBreadcrumbs((await get(`/policies/${POLICY}/diff?from=2.0&to=3.0`)).html, ['Policies', 'Social Media Policy and Guidance', expect.stringMatching(/2\.0.*3\.0|[Cc]hanges/) as unknown as string]);
  });

  it('answers 404 with a helpful page for an unknown question, document, version, person or address', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/q/${missing}`, `/q/${questionId}?page=9`, '/policies/no-such-policy', `/policies/${POLICY}/9.9`, `/u/${missing}`, '/no/such/page', `/c/no-such-community`]) {
      const { status, html } = await get(path);
      expect({ path, status }).toEqual({ path, status: 404 });
      expect(mainText(html)).toMatch(/does not exist or was removed/);
      expect(html).toMatch(/<a [^>]*href="\/"/);
    }
  });

  it('answers 304 to a conditional request for a page it already has, and a new page after a change', async () => {
    const path = `/q/${questionId}`;
    const first = await get(path);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('vary')).toMatch(/Cookie/i);
    const again = await fetch(`${api.baseUrl}${path}`, { headers: { accept: 'text/html', 'if-none-match': etag as string } });
    expect(again.status).toBe(304);

    // A change clears the page cache: a member's vote shows at once, under a new tag.
    const scoreOf = (html: string): number => Number(/data-testid="score">(-?\d+)</.exec(html)?.[1]);
    const graphql = async (body: object, token?: string): Promise<{ data?: Record<string, unknown>; errors?: unknown }> => {
      const response = await fetch(`${api.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { data?: Record<string, unknown> };
    };
    const signIn = await graphql({ query: 'mutation($input: SignInInput!) { signIn(input: $input) { token } }', variables: { input: { email: VOTER, password: DEMO_PASSWORD } } });
    const token = (signIn.data?.signIn as { token: string }).token;
    const vote = await graphql({ query: 'mutation($input: VoteInput!) { vote(input: $input) }', variables: { input: { postId: questionId, value: 'UP' } } }, token);
    expect(vote.errors).toBeUndefined();
    const changed = await get(path);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(scoreOf(changed.html)).toBe(scoreOf(first.html) + 1);
  });

  it('answers 301 with the one address of a page asked for at another', async () => {
    for (const [path, location] of [
      ['/t/Social_Media', '/t/social-media'],
      [`/q/${questionId}/`, `/q/${questionId}`],
      [`/q/${questionId}?page=1`, `/q/${questionId}`],
      ['/policies/?sort=new', '/policies?sort=new'],
      ['//evil.example/', '/evil.example'],
    ] as const) {
      const { status, headers } = await get(path);
      expect({ path, status, location: headers.get('location') }).toEqual({ path, status: 301, location });
    }
  });

  it('sends member-only pages as the app, rendered in the browser', async () => {
    const { status, html } = await get('/ask');
    expect(status).toBe(200);
    expect(html).toMatch(/<div id="root"><\/div>/);
  });
});

describe('in a browser', () => {
  it('reads a question, a policy and a diff with JavaScript off', async () => {
    const context = await (browser as Browser).newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${api.baseUrl}/q/${questionId}`);
    await expect(page.getByTestId('question-title').textContent()).resolves.toMatch(/Does a social media policy cover/);
    expect(await page.locator('[data-testid^="answer-"], .answer').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid^="citation-chip"]').count()).toBeGreaterThan(0);
    await page.goto(`${api.baseUrl}/policies/${POLICY}`);
    expect(await page.locator('[data-testid="policy-sections"] h2, [data-testid="policy-sections"] h3').count()).toBeGreaterThan(2);
    await page.goto(`${api.baseUrl}/policies/${POLICY}/diff?from=2.0&to=3.0`);
    expect(await page.locator('[data-testid="diff-section"]').count()).toBeGreaterThan(0);
    await context.close();
  }, 60_000);

  it('hydrates pages without a mismatch for a reader in another time zone', async () => {
    const context = waitForHydrationAfterLoads(await (browser as Browser).newContext({ timezoneId: 'America/New_York' }));
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    for (const path of [`/q/${questionId}`, `/policies/${POLICY}`, `/policies/${POLICY}/diff?from=2.0&to=3.0`, '/']) {
      await page.goto(`${api.baseUrl}${path}`, { waitUntil: 'networkidle' });
      expect({ path, problems }).toEqual({ path, problems: [] });
    }
    await context.close();
  }, 60_000);

  it('hydrates a server-rendered question page without errors or a second fetch, and it becomes interactive', async () => {
    const context = waitForHydrationAfterLoads(await (browser as Browser).newContext());
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      // The 404s of the pages above are not this page's; anything else logged as an error is.
      if (message.type() === 'error' || /hydrat/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const graphql: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/graphql')) graphql.push(JSON.parse(request.postData() ?? '{}').operationName as string);
    });

    // Signed in: the page is rendered on the server for this member too.
    await page.goto(`${api.baseUrl}/signin`);
    await page.getByLabel('Email').fill(VOTER);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-out').waitFor();
    await page.waitForLoadState('networkidle');
    graphql.length = 0;
    problems.length = 0;

    const response = await page.goto(`${api.baseUrl}/q/${questionId}`, { waitUntil: 'networkidle' });
    expect(await response?.text()).toMatch(/data-testid="question-title"/);
    expect(problems).toEqual([]);
    expect(graphql).toEqual([]);
    expect(await page.locator('title').count()).toBe(1);

    const follow = page.locator('[data-testid="follow-button"]').first();
    const following = await follow.getAttribute('data-following');
    await follow.click();
    await page.locator(`[data-testid="follow-button"][data-following="${following === 'true' ? 'false' : 'true'}"]`).first().waitFor();
    const score = page.locator('[data-testid="score"]').first();
    const before = Number(await score.textContent());
    await page.locator('[data-testid="vote-up"]').first().click();
    await page.waitForFunction((previous) => Number(document.querySelector('[data-testid="score"]')?.textContent) !== previous, before);
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});

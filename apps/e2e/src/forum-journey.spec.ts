import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { screenshotDirectory, type RunningApi } from './support/api-server';
import { startForum, type ForumUnderTest } from './support/forum-under-test';
import { waitForHydrationAfterLoads } from './support/hydration';
import { DEMO_PASSWORD, PASSWORD, signUp } from './support/forum-pages';

const DEMO_COMMUNITY_SLUG = 'social-media-in-local-government';
const DEMO_COMMUNITY_TITLE = 'Social Media in Local Government';
const DEMO_QUESTION_TITLE = /parish council/i;
const MOBILE_WIDTH = 375;
// Seeded by prepare outside production (see the README's demo accounts).
const DEMO_AUTHOR_EMAIL = 'author@example.org';

const databaseName = `policy_commons_e2e_${process.pid}`;
const runId = `${process.pid}-${Date.now()}`;

let api: RunningApi | undefined;
let browser: Browser | undefined;
let forum: ForumUnderTest | undefined;
let shotNumber = 0;

async function screenshot(page: Page, name: string): Promise<void> {
  shotNumber += 1;
  await page.screenshot({ path: join(screenshotDirectory, `${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage: true });
}

async function newContext(width = 1280, timezoneId?: string): Promise<BrowserContext> {
  if (!browser) throw new Error('browser not started');
  return waitForHydrationAfterLoads(await browser.newContext({ viewport: { width, height: 900 }, baseURL: api?.baseUrl, timezoneId }));
}

async function signIn(page: Page, email: string, displayName: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('viewer-name').filter({ hasText: displayName }).waitFor();
  // The header knows the viewer before the next page opens; a popover opened in between would close with the page change.
  await page.getByTestId('sign-in-form').waitFor({ state: 'detached' });
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('nav-sign-in').waitFor();
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(MOBILE_WIDTH);
}

beforeAll(async () => {
  mkdirSync(screenshotDirectory, { recursive: true });
  forum = await startForum(databaseName);
  ({ api, browser } = forum);
}, 240_000);

afterAll(async () => {
  await forum?.stop();
}, 60_000);

describe('forum journey', () => {
  const asker = { email: `asker-${runId}@example.org`, displayName: `Asker ${runId}` };
  const answerer = { email: `answerer-${runId}@example.org`, displayName: `Answerer ${runId}` };
  const questionTitle = `Can an officer who chairs a school governing body post about council budgets? ${runId}`;
  const answerText = `The dual role is the point, not the medium: declare it under the interests policy. ${runId}`;
  let questionPath = '';
  let demoQuestionPath = '';

  it('shows the demo community and question on the home page', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId(`community-link-${DEMO_COMMUNITY_SLUG}`).textContent()).resolves.toBe(DEMO_COMMUNITY_TITLE);
    const demoQuestion = page.getByTestId('question-link').filter({ hasText: DEMO_QUESTION_TITLE }).first();
    await demoQuestion.waitFor();
    await screenshot(page, 'home');
    demoQuestionPath = (await demoQuestion.getAttribute('href')) ?? '';
    expect(demoQuestionPath).toMatch(/^\/q\//);
    await context.close();
  });

  it('finds the demo question by search, with the matched words highlighted', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('Search questions and answers').fill('parish councillor');
    await page.getByLabel('Search questions and answers').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    const hit = page.getByTestId('search-hit').filter({ hasText: DEMO_QUESTION_TITLE }).first();
    await hit.waitFor();
    expect(await hit.locator('[data-testid="search-snippet"] mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'search');
    await context.close();
  });

  it('shows the accepted answer on the demo question', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(demoQuestionPath);
    await expect(page.getByTestId('question-title').textContent()).resolves.toMatch(DEMO_QUESTION_TITLE);
    await page.getByTestId('accepted-badge').waitFor();
    expect(await page.locator('[data-testid="answer"]').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-testid="answer"][data-accepted="true"]').count()).toBe(1);
    await screenshot(page, 'demo-question');
    await context.close();
  });

  it('shows citation chips on the accepted answer, one saying its section changed in 3.0, with a link to the diff', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(demoQuestionPath);
    const accepted = page.locator('[data-testid="answer"][data-accepted="true"]');
    // The answer as it reads now; its edit history (collapsed) renders the same references again.
    const body = accepted.getByTestId('answer-body');
    await body.getByTestId('citation-chip').first().waitFor();
    const chips = body.getByTestId('citation-chip');
    expect(await chips.count()).toBe(2);
    const changed = body.locator('[data-testid="citation-chip"][data-status="CHANGED"]');
    expect(await changed.count()).toBe(1);
    await expect(changed.getByTestId('citation-chip-link').textContent()).resolves.toMatch(/Social Media Policy and Guidance\s*2\.0\s*§/);
    await expect(changed.getByTestId('citation-chip-status').textContent()).resolves.toBe('changed in 3.0');
    await expect(body.locator('[data-testid="citation-chip"][data-status="CURRENT"]').getByTestId('citation-chip-link').textContent()).resolves.toMatch(/Employee Code of Business Conduct\s*1\.0\s*§ Business and pecuniary interests/);
    await screenshot(page, 'citation-chips');

    await changed.getByTestId('citation-chip-status').click();
    await page.waitForURL(/\/policies\/social-media-policy\/diff\?from=2\.0&to=3\.0#personal-and-professional-responsibilities$/);
    const section = page.locator('[data-testid="diff-section"][data-anchor="personal-and-professional-responsibilities"]');
    await section.waitFor();
    await expect(section.getByTestId('change-badge').textContent()).resolves.toBe('Changed');
    expect(await section.locator('ins').count()).toBeGreaterThan(0);
    expect(await section.locator('del').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('diff-summary').textContent()).resolves.toMatch(/changed.*added.*removed.*moved/);
    await screenshot(page, 'policy-diff');
    await context.close();
  });

  it('lands a citation on its section, highlighted, when followed from an answer and when loaded directly', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const expectSectionInView = async (anchor: string) => {
      const section = page.locator(`section#${anchor}`);
      await section.waitFor();
      await page.waitForFunction((id) => {
        const heading = document.getElementById(`${id}-heading`);
        if (!heading) return false;
        const box = heading.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      }, anchor);
      await expect(section.getAttribute('class')).resolves.toMatch(/\btargeted\b/);
    };
    await page.goto(demoQuestionPath);
    const chip = page.locator('[data-testid="answer"][data-accepted="true"]').getByTestId('answer-body').locator('[data-testid="citation-chip"][data-status="CURRENT"]');
    await chip.scrollIntoViewIfNeeded();
    await chip.getByTestId('citation-chip-link').click();
    await page.waitForURL(/\/policies\/code-of-business-conduct\/1\.0#business-and-pecuniary-interests$/);
    await expectSectionInView('business-and-pecuniary-interests');
    await screenshot(page, 'citation-landing');

    await page.reload();
    await expectSectionInView('business-and-pecuniary-interests');
    await context.close();
  });

  it('shows a policy document with its versions, the superseded banner and section anchors', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByTestId('nav-policies').click();
    await page.getByTestId('policy-link-social-media-policy').click();
    await page.waitForURL(/\/policies\/social-media-policy$/);
    await page.getByTestId('policy-sections').waitFor();
    expect(await page.getByTestId('version-picker').locator('option').allTextContents()).toEqual([
      expect.stringMatching(/^3\.0 .*latest/),
      expect.stringMatching(/^2\.0 /),
      expect.stringMatching(/^1\.0 /),
    ]);
    expect(await page.getByTestId('superseded-banner').count()).toBe(0);
    await screenshot(page, 'policy-document');

    await page.getByTestId('version-picker').selectOption('2.0');
    await page.waitForURL(/\/policies\/social-media-policy\/2\.0$/);
    await page.getByTestId('superseded-banner').waitFor();
    await expect(page.getByTestId('superseded-notice').textContent()).resolves.toMatch(/supersedes version 2\.0/);
    expect(await page.locator('#personal-and-professional-responsibilities').count()).toBe(1);
    expect(await page.getByTestId('contributors').locator('li').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('cited-by').textContent()).resolves.toMatch(/parish council/i);
    await screenshot(page, 'policy-version-superseded');
    await context.close();
  });

  it('lets a new member join, ask, get an answer from someone else and accept it', async () => {
    // A browser away from the api's default zone, so the digest settings can show they took it.
    const context = await newContext(1280, 'America/New_York');
    const page = await context.newPage();

    await signUp(page, asker.email, asker.displayName);
    await screenshot(page, 'signed-up');

    await page.goto(`/c/${DEMO_COMMUNITY_SLUG}`);
    await page.getByTestId('join-community').click();
    await page.getByTestId('leave-community').waitFor();
    await screenshot(page, 'joined-community');

    await page.getByTestId('ask-in-community').click();
    await page.getByTestId('ask-title').fill(questionTitle);
    await page.getByTestId('ask-body').fill('Our social media policy talks about **personal use**. Does it also cover posts made as a governor?');
    await page.getByTestId('ask-tags').fill('Social Media, conflicts of interest');
    await expect(page.getByTestId('ask-community').inputValue()).resolves.not.toBe('');
    await screenshot(page, 'ask-form');
    await page.getByTestId('ask-submit').click();
    await page.waitForURL(/\/q\/[^/]+$/);
    await page.getByTestId('question-title').filter({ hasText: questionTitle }).waitFor();
    expect((await page.getByTestId('tag').allTextContents()).sort()).toEqual(['conflicts-of-interest', 'social-media']);
    questionPath = new URL(page.url()).pathname;
    await screenshot(page, 'asked');
    await signOut(page);

    await signUp(page, answerer.email, answerer.displayName);
    await page.goto(questionPath);
    await page.getByTestId('answer-body').fill(answerText);
    // Cite a section with the picker: the reference goes in at the caret (the end here).
    await page.getByTestId('cite-policy').click();
    await page.getByTestId('citation-picker-query').fill('conduct');
    await page.getByTestId('citation-picker-document').filter({ hasText: 'Employee Code of Business Conduct' }).click();
    await page.getByTestId('citation-picker-query').fill('line manager');
    await page.getByTestId('citation-picker-section').filter({ hasText: 'Line manager outcomes' }).click();
    await expect(page.getByTestId('answer-body').inputValue()).resolves.toBe(`${answerText} [Line manager outcomes](policy:code-of-business-conduct@1.0#line-manager-outcomes)`);
    // The preview shows the citation as the posted answer will, and a reference to nothing as an error saying why.
    const withTypo = `${answerText} [Line manager outcomes](policy:code-of-business-conduct@1.0#line-manager-outcomes) and policy:code-of-business-conduct@9.0#interests`;
    await page.getByTestId('answer-body').fill(withTypo);
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.locator('.markdown-preview');
    await expect(preview.locator('[data-testid="citation-chip"][data-status="CURRENT"]').textContent()).resolves.toMatch(/^Employee Code of Business Conduct 1\.0 § Line manager outcomes$/);
    await expect(preview.locator('[data-testid="citation-chip"][data-status="ERROR"]').getByTestId('citation-chip-problem').textContent()).resolves.toBe(
      '"Employee Code of Business Conduct" has no published version 9.0.',
    );
    await expect(page.getByTestId('citation-problems').textContent()).resolves.toContain('policy:code-of-business-conduct@9.0#interests will not save');
    await screenshot(page, 'answer-preview');
    await page.getByRole('button', { name: 'Write' }).click();
    await page.getByTestId('answer-body').fill(`${answerText} [Line manager outcomes](policy:code-of-business-conduct@1.0#line-manager-outcomes)`);
    await page.getByTestId('citation-problems').waitFor({ state: 'detached' });
    await page.getByTestId('answer-submit').click();
    const posted = page.getByTestId('answer').filter({ hasText: answerText });
    await posted.waitFor();
    const chip = posted.getByTestId('answer-body').locator('[data-testid="citation-chip"][data-status="CURRENT"]');
    await expect(chip.getByTestId('citation-chip-link').textContent()).resolves.toMatch(/Employee Code of Business Conduct\s*1\.0\s*§ Line manager outcomes/);
    await screenshot(page, 'answered');
    await signOut(page);

    await signIn(page, asker.email, asker.displayName);
    // The new answer is waiting in the bell; opening it lands on the answer.
    await expect(page.getByTestId('unread-count').textContent()).resolves.toBe('1');
    await page.getByTestId('notification-bell').click();
    const notification = page.getByTestId('notification-dropdown').getByTestId('notification').filter({ hasText: answerer.displayName });
    await notification.waitFor();
    await screenshot(page, 'notification-bell');
    await notification.getByRole('link').click();
    await page.waitForURL((url) => url.pathname === questionPath);
    await page.getByTestId('unread-count').waitFor({ state: 'detached' });
    const answer = page.getByTestId('answer').filter({ hasText: answerText });
    await answer.getByTestId('accept-answer').click();
    await page.locator('[data-testid="answer"][data-accepted="true"]').filter({ hasText: answerText }).waitFor();
    await answer.getByTestId('accepted-badge').waitFor();
    await screenshot(page, 'accepted');

    // The accepted state is the server's, not just the cache's.
    await page.reload();
    await page.locator('[data-testid="answer"][data-accepted="true"]').filter({ hasText: answerText }).waitFor();

    // Follow the policy the answer relies on, and choose a weekly digest.
    await page.goto('/policies/social-media-policy');
    await page.locator('[data-testid="follow-button"]:not([disabled])').click();
    await page.locator('[data-testid="follow-button"][data-following="true"]').waitFor();
    await page.goto('/settings/notifications');
    await expect(page.getByTestId('digest-time-zone').inputValue()).resolves.toBe('America/New_York');
    await page.getByTestId('digest-weekly').check();
    await page.getByTestId('digest-weekday').selectOption('3');
    await page.getByTestId('save-settings').click();
    await page.getByTestId('settings-saved').waitFor();
    await expect(page.getByTestId('follow-list').textContent()).resolves.toMatch(/Social Media Policy and Guidance/);
    await page.reload();
    await expect(page.getByTestId('digest-schedule').textContent()).resolves.toMatch(/^Weekly on Wednesday/);
    await page.getByTestId('notification-bell').waitFor();
    await screenshot(page, 'notification-settings');
    await context.close();
  });

  it('lets a policy author create, draft and publish a document, and refuses everyone else', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const slug = `remote-working-${process.pid}`;

    // A practitioner may read the policy but not draft it.
    await signIn(page, asker.email, asker.displayName);
    await page.goto('/policies/social-media-policy/draft');
    await page.getByTestId('draft-forbidden').waitFor();
    await signOut(page);

    await page.goto('/signin');
    await page.getByLabel('Email').fill(DEMO_AUTHOR_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-out').waitFor();

    // The form is in view, offers only the organisations the author may publish for, and proposes the slug from the title.
    await page.goto('/policies');
    const form = page.getByTestId('create-policy-form');
    await form.getByLabel('Organisation').locator('option').first().waitFor({ state: 'attached' });
    await expect(form.getByLabel('Organisation').locator('option').allTextContents()).resolves.toEqual(['Shireford County Council']);
    await form.getByLabel('Title').fill('Remote Working Policy');
    await expect(form.getByLabel('Slug').inputValue()).resolves.toBe('remote-working-policy');
    await form.getByLabel('Slug').fill(slug);
    await form.getByRole('button', { name: 'Create document' }).click();
    await page.waitForURL(new RegExp(`/policies/${slug}/draft$`));

    // Problems are told in words with their line; the draft saves by itself once it has none.
    await page.getByTestId('draft-markdown').fill('When staff may work from home.\n\n## Introduction\n\nWhen.');
    await expect(page.getByTestId('draft-errors').textContent()).resolves.toMatch(/^Line 1: This text comes before the first section heading/);
    await page.locator('[data-testid="draft-save-status"][data-state="invalid"]').waitFor();
    await page.getByTestId('draft-markdown').fill('## Introduction\n\nWhen staff may work from home.\n\n## Equipment\n\nThe council lends a laptop.\n\n### Returning equipment\n\nWithin a week of leaving.');
    expect(await page.getByTestId('draft-sections').locator('li').allTextContents()).toEqual([
      expect.stringContaining('Introduction'),
      expect.stringContaining('Equipment'),
      expect.stringContaining('Returning equipment'),
    ]);
    await page.locator('[data-testid="draft-save-status"][data-state="saved"]', { hasText: /^Saved at \d\d:\d\d\.$/ }).waitFor();
    await page.getByTestId('publish-summary').fill('First edition.');
    await screenshot(page, 'policy-draft');
    // Publishing cannot be undone, and the page says so before it publishes.
    await page.getByTestId('publish-submit').click();
    await expect(page.getByTestId('publish-confirm-dialog').textContent()).resolves.toContain('This cannot be undone.');
    await page.getByTestId('publish-confirm').click();
    await page.waitForURL(new RegExp(`/policies/${slug}/1\\.0$`));
    await page.locator('[data-testid="policy-section"][data-anchor="returning-equipment"]').waitFor();
    await expect(page.getByTestId('summary-of-changes').textContent()).resolves.toBe('First edition.');
    await screenshot(page, 'policy-published');
    await context.close();
  });

  it('copies a citation as a link that renders as the chip when pasted', async () => {
    const context = await newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: api?.baseUrl });
    const page = await context.newPage();
    await page.goto('/policies/social-media-policy/2.0#personal-and-professional-responsibilities');
    const section = page.locator('[data-testid="policy-section"][data-anchor="personal-and-professional-responsibilities"]');
    await section.getByTestId('copy-section-citation').click();
    await section.getByText('Citation copied').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      '[Social Media Policy and Guidance 2.0 § Guidance section 1: Personal and professional responsibilities](policy:social-media-policy@2.0#personal-and-professional-responsibilities)',
    );
    await context.close();
  });

  it('links about, privacy, terms and contact from every page', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/');
    const footer = page.getByRole('navigation', { name: 'About this site' });
    for (const [name, heading] of [
      ['Privacy', 'Privacy'],
      ['Terms', 'Terms of use'],
      ['Contact', 'Contact'],
      ['About', 'About Policy Commons'],
    ]) {
      await footer.getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    }
    await context.close();
  });

  it('fits a 375 px wide screen', async () => {
    const context = await newContext(MOBILE_WIDTH);
    const page = await context.newPage();

    await page.goto('/');
    await page.getByTestId('question-link').first().waitFor();
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'mobile-home');

    await page.goto(demoQuestionPath);
    await page.getByTestId('accepted-badge').waitFor();
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'mobile-demo-question');

    await page.goto(questionPath);
    await page.locator('[data-testid="answer"][data-accepted="true"]').waitFor();
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'mobile-question');

    await page.goto(`/c/${DEMO_COMMUNITY_SLUG}`);
    await page.getByTestId('question-list').waitFor();
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'mobile-community');

    await page.goto('/policies/social-media-policy/2.0#personal-and-professional-responsibilities');
    await page.getByTestId('superseded-banner').waitFor();
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'mobile-policy-version');

    await page.goto('/policies/social-media-policy/diff?from=2.0&to=3.0');
    await page.getByTestId('diff-section').first().waitFor();
    await expectNoHorizontalOverflow(page);
    await screenshot(page, 'mobile-policy-diff');
    await context.close();
  });
});

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { databaseUrlFor, repoRoot, type RunningApi } from './support/api-server';
import { startForum, type ForumUnderTest } from './support/forum-under-test';
import { axeViolations } from './support/axe';
import { waitForHydrationAfterLoads } from './support/hydration';
import { runSql } from './support/database';
import { DEMO_PASSWORD } from './support/forum-pages';
import { focusedElement, tabTo, waitForFocus } from './support/keyboard';

/*
 * WCAG 2.2 AA on every page the app renders, signed out and signed in, at 1280 and 375 px:
 * axe reports nothing at all (every impact), each page has its own title, the skip link is
 * the first Tab stop, the landmarks are there, and targets are large enough. One api and
 * one browser for all of it. The queue dashboard (/admin/queues) is Bull Board's page, not
 * ours, and is left out: its icon buttons have no names and we cannot change its markup.
 */

const DEMO_COMMUNITY = 'social-media-in-local-government';
const WIDE = 1280;
const NARROW = 375;
const SITE = 'Policy Commons';

type Role = 'visitor' | 'member' | 'author' | 'moderator';
const ACCOUNTS: Record<Exclude<Role, 'visitor'>, string> = {
  member: 'practitioner@example.org',
  author: 'author@example.org',
  moderator: 'moderator@example.org',
};

interface Visit {
  path: string;
  title: RegExp;
  /** Something that shows the page has its data. */
  ready?: string;
  /** What shows it for a role that sees more (the draft editor, for its author). */
  readyFor?: Partial<Record<Role, string>>;
  /** Signed-in roles besides the member that see something of their own here. */
  alsoFor?: Role[];
  /** Shows a member what it shows a visitor, but for the header (which every other page checks). */
  sameForEveryone?: boolean;
  /** Rendered by the api, not the web app: opened with a full load. */
  apiPage?: boolean;
}

const databaseName = `policy_commons_e2e_a11y_${process.pid}`;
const databaseUrl = databaseUrlFor(databaseName);

let api: RunningApi | undefined;
let browser: Browser | undefined;
let forum: ForumUnderTest | undefined;
let visits: Visit[] = [];
let askedQuestionPath = '';
let otherQuestionPath = '';

/** Signed links as a digest or confirmation mail carries them, made with the api's own code and the development secret. */
function signedLinks(userId: string, email: string): { unsubscribe: string; confirmation: string } {
  const dist = join(repoRoot, 'apps', 'api', 'dist');
  const script = `
    import { loadConfig } from '${join(dist, 'config', 'app-config.js')}';
    import { signUnsubscribeToken } from '${join(dist, 'modules', 'digests', 'unsubscribe-token.js')}';
    import { signEmailConfirmationToken } from '${join(dist, 'modules', 'digests', 'email-confirmation.js')}';
    const { appSecret } = loadConfig({ NODE_ENV: 'development' });
    console.log(JSON.stringify({
      unsubscribe: '/unsubscribe/' + signUnsubscribeToken(appSecret, ${JSON.stringify(userId)}),
      confirmation: '/email-confirmation/' + signEmailConfirmationToken(appSecret, ${JSON.stringify(userId)}, ${JSON.stringify(email)}),
    }));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' })) as { unsubscribe: string; confirmation: string };
}

beforeAll(async () => {
  forum = await startForum(databaseName, () => {
    askedQuestionPath = `/q/${runSql(databaseUrl, "SELECT id FROM questions WHERE title ILIKE '%parish councillors%'")}`;
    otherQuestionPath = `/q/${runSql(databaseUrl, "SELECT id FROM questions WHERE title ILIKE '%prioritise%'")}`;
    const practitionerId = runSql(databaseUrl, `SELECT id FROM users WHERE email = '${ACCOUNTS.member}'`);
    const links = signedLinks(practitionerId, ACCOUNTS.member);
    visits = [
      { path: '/', title: /^Home · /, ready: '[data-testid="question-link"]', alsoFor: ['author', 'moderator'] },
      { path: `/c/${DEMO_COMMUNITY}`, title: /^Social Media in Local Government · /, ready: '[data-testid="question-item"]', alsoFor: ['moderator'] },
      { path: '/t/social-media', title: /^Questions tagged social-media · /, ready: '[data-testid="question-item"]' },
      { path: askedQuestionPath, title: /^Does a social media policy cover officers who are also parish councillors\? · /, ready: '[data-testid="accepted-badge"]', alsoFor: ['moderator'] },
      { path: otherQuestionPath, title: /^How do you prioritise .* · /, ready: '[data-testid="answer"]' },
      { path: '/ask', title: /^Ask a question · /, ready: 'main h1' },
      { path: '/search?q=parish', title: /^Search: parish · /, ready: '[data-testid="search-hit"]' },
      { path: `/u/${practitionerId}`, title: /^Dan Hughes · /, ready: '[data-testid="profile-name"]' },
      { path: '/signin', title: /^Sign in · /, ready: 'main h1', sameForEveryone: true },
      { path: '/signup', title: /^Create an account · /, ready: 'main h1', sameForEveryone: true },
      { path: '/forgot-password', title: /^Forgot your password\? · /, ready: 'main h1', sameForEveryone: true },
      { path: '/reset-password/not-a-real-token', title: /^Choose a new password · /, ready: 'main h1', sameForEveryone: true },
      { path: '/policies', title: /^Policy library · /, ready: '[data-testid="policy-link-social-media-policy"]', alsoFor: ['author'] },
      { path: '/policies/social-media-policy', title: /^Social Media Policy and Guidance 3\.0 · /, ready: '[data-testid="policy-sections"]', alsoFor: ['author'] },
      { path: '/policies/social-media-policy/2.0', title: /^Social Media Policy and Guidance 2\.0 · /, ready: '[data-testid="superseded-banner"]' },
      { path: '/policies/social-media-policy/diff?from=2.0&to=3.0', title: /^What changed in Social Media Policy and Guidance: 2\.0 to 3\.0 · /, ready: '[data-testid="diff-section"]', sameForEveryone: true },
      { path: '/policies/social-media-policy/draft', title: /^Draft: Social Media Policy and Guidance · /, ready: 'main h1', readyFor: { author: '[data-testid="draft-markdown"]' }, alsoFor: ['author'] },
      { path: '/notifications', title: /^Notifications · /, ready: 'main h1' },
      { path: '/settings/notifications', title: /^Digest and follows · /, ready: 'main h1' },
      { path: '/settings/account', title: /^Account settings · /, ready: 'main h1' },
      { path: '/o/county-council', title: /^Shireford County Council · /, ready: '[data-testid="organisation-members"]', alsoFor: ['author'] },
      { path: `/c/${DEMO_COMMUNITY}/moderation`, title: /^Moderation queue(: Social Media in Local Government)? · /, ready: 'main h1', alsoFor: ['moderator'] },
      { path: `/c/${DEMO_COMMUNITY}/moderation/log`, title: /^Moderation log(: Social Media in Local Government)? · /, ready: 'main h1', alsoFor: ['moderator'] },
      { path: '/moderation', title: /^Moderation( queue)? · /, ready: 'main h1' },
      { path: '/about', title: /^About Policy Commons · /, ready: '[data-testid="site-page"]', sameForEveryone: true },
      { path: '/privacy', title: /^Privacy · /, ready: '[data-testid="site-page"]', sameForEveryone: true },
      { path: '/terms', title: /^Terms of use · /, ready: '[data-testid="site-page"]', sameForEveryone: true },
      { path: '/contact', title: /^Contact · /, ready: '[data-testid="site-page"]', sameForEveryone: true },
      { path: '/no/such/page', title: /^Not found · /, ready: '[data-testid="not-found"]', sameForEveryone: true },
      { path: links.unsubscribe, title: /^Unsubscribe from digests\? · /, ready: 'main h1', sameForEveryone: true, apiPage: true },
      { path: '/unsubscribe/not-a-real-token', title: /^This unsubscribe link does not work · /, ready: 'main h1', sameForEveryone: true, apiPage: true },
      { path: links.confirmation, title: /^Confirm your email address · /, ready: 'main h1', sameForEveryone: true, apiPage: true },
    ];
  });
  ({ api, browser } = forum);
}, 240_000);

afterAll(async () => {
  await forum?.stop();
}, 60_000);

async function newContext(width: number): Promise<BrowserContext> {
  if (!browser) throw new Error('browser not started');
  return waitForHydrationAfterLoads(await browser.newContext({ viewport: { width, height: 900 }, baseURL: api?.baseUrl }));
}

async function signIn(page: Page, role: Role): Promise<void> {
  if (role === 'visitor') return;
  await page.goto('/signin');
  await page.getByLabel('Email').fill(ACCOUNTS[role]);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('sign-out').waitFor({ state: 'attached' });
}

/** Waits for the page's data and for every loading state to go. */
async function settle(page: Page, ready: string | undefined): Promise<void> {
  await page.locator(ready ?? 'main h1').first().waitFor();
  await page.locator('[data-testid="loading"]').first().waitFor({ state: 'detached' });
}

/**
 * Opens a page as a person following a link would: the app's own navigation when it is
 * already loaded (faster than a reload, and what most visits are), a full load for the
 * pages the api renders itself and for the first page.
 */
async function open(page: Page, path: string, fullLoad: boolean): Promise<void> {
  if (fullLoad) {
    await page.goto(path);
    return;
  }
  await page.evaluate((target) => {
    window.history.pushState({}, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** The structure every page shares: language, its own title, the skip link first, the landmarks. */
async function structureProblems(page: Page, visit: Visit, loaded: boolean): Promise<string[]> {
  const problems: string[] = [];
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    firstFocusable: document.querySelector('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')?.textContent ?? null,
    landmarks: {
      banner: document.querySelectorAll('header.site-header').length,
      navigation: document.querySelectorAll('nav').length,
      main: document.querySelectorAll('main').length,
      contentinfo: document.querySelectorAll('footer').length,
    },
  }));
  if (facts.lang !== 'en-GB') problems.push(`lang is "${facts.lang}"`);
  if (!visit.title.test(facts.title) || !facts.title.endsWith(` · ${SITE}`)) problems.push(`title is "${facts.title}", expected ${String(visit.title)}`);
  for (const [landmark, count] of Object.entries(facts.landmarks)) if (landmark === 'main' ? count !== 1 : count < 1) problems.push(`${count} ${landmark} landmarks`);
  if (facts.firstFocusable !== 'Skip to main content') problems.push(`the first focusable element is "${facts.firstFocusable}", not the skip link`);
  if (loaded) {
    // Focus is on the document after a load: the first Tab must reach the skip link.
    await page.keyboard.press('Tab');
    const first = await focusedElement(page);
    if (first !== 'skip-link' && first !== 'a: Skip to main content') problems.push(`the first Tab stop is ${first}, not the skip link`);
  }
  return problems;
}

/**
 * Every visible control at least 24 × 24 px, and 44 × 44 px on a touch layout (375 px):
 * buttons, button-styled links and selects, and the "changed in" link of a citation chip
 * (text links inside sentences are exempt in WCAG 2.5.8).
 */
async function smallTargets(page: Page, least: number): Promise<string[]> {
  return page.evaluate((minimum) => {
    const selector = 'button, .button-link, select, .citation-chip-status, .menu-button, .site-menu.open .site-nav a';
    return Array.from(document.querySelectorAll<HTMLElement>(selector)).flatMap((element) => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || element.closest('.visually-hidden')) return [];
      // Rounding: a 44 px box may measure 43.99.
      if (box.width + 0.5 >= minimum && box.height + 0.5 >= minimum) return [];
      const name = element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? (element.textContent ?? '').trim().slice(0, 40);
      return [`${element.tagName.toLowerCase()} "${name}" is ${Math.round(box.width)}×${Math.round(box.height)}`];
    });
  }, least);
}

async function sweep(role: Role, width: number): Promise<string[]> {
  const context = await newContext(width);
  const page = await context.newPage();
  const problems: string[] = [];
  try {
    await signIn(page, role);
    const ours = visits.filter((visit) => (role === 'visitor' ? true : role === 'member' ? !visit.sameForEveryone : visit.alsoFor?.includes(role)));
    let appLoaded = false;
    for (const visit of ours) {
      const fullLoad = !appLoaded || visit.apiPage === true;
      await open(page, visit.path, fullLoad);
      appLoaded = visit.apiPage !== true;
      // The title comes with the page's data, so it also says the new page has replaced the last one.
      const titled = await page.waitForFunction((pattern) => new RegExp(pattern).test(document.title), visit.title.source, { timeout: 10_000 }).then(
        () => true,
        () => false,
      );
      if (!titled) {
        problems.push(`${role} ${width}px ${visit.path}: the title "${await page.title()}" never matched ${String(visit.title)}`);
        continue;
      }
      await settle(page, visit.readyFor?.[role] ?? visit.ready);
      const found = [
        ...(await axeViolations(page)).map((violation) => `axe ${violation.impact} ${violation.id}: ${violation.help} — ${violation.targets.join('; ')}`),
        ...(await structureProblems(page, visit, fullLoad)),
        ...(await smallTargets(page, width <= NARROW ? 44 : 24)),
      ];
      problems.push(...found.map((problem) => `${role} ${width}px ${visit.path}: ${problem}`));
    }
  } finally {
    await context.close();
  }
  return problems;
}

describe('accessibility of every page', () => {
  it.each([
    ['visitor', WIDE],
    ['visitor', NARROW],
    ['member', WIDE],
    ['member', NARROW],
    ['author', WIDE],
    ['author', NARROW],
    ['moderator', WIDE],
    ['moderator', NARROW],
  ] as [Role, number][])('has no axe violations, its own title, a skip link, landmarks and large enough targets: %s at %i px', async (role, width) => {
    expect(await sweep(role, width)).toEqual([]);
  });

  it.each([WIDE, NARROW])('keeps the popover, the citation picker and the menu accessible while open, at %i px', async (width) => {
    const context = await newContext(width);
    const page = await context.newPage();
    await signIn(page, 'member');
    await page.goto(otherQuestionPath);
    await settle(page, '[data-testid="answer"]');

    await page.getByTestId('cite-policy').click();
    const picker = page.getByTestId('citation-picker');
    await picker.getByTestId('citation-picker-document').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog[aria-modal="true"]')?.getAttribute('data-testid'))).toBe('citation-picker');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await picker.waitFor({ state: 'detached' });

    if (width <= NARROW) {
      await page.getByTestId('menu-button').click();
      await page.getByTestId('site-menu').getByTestId('nav-policies').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      expect(await smallTargets(page, 44)).toEqual([]);
      await page.keyboard.press('Escape');
    }

    await page.getByTestId('notification-bell').click();
    const popover = page.getByTestId('notification-dropdown');
    await popover.getByTestId('notification').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await popover.waitFor({ state: 'detached' });
    await waitForFocus(page, '[data-testid="notification-bell"]');
    await context.close();
  });
});

describe('dialogs', () => {
  it.each([WIDE, NARROW])('stay accessible while open: flagging, closing and locking a question, deleting an account, publishing a version, at %i px', async (width) => {
    const context = await newContext(width);
    const page = await context.newPage();
    const expectClean = async (testId: string) => {
      await page.getByTestId(testId).waitFor();
      expect({ dialog: testId, violations: await axeViolations(page) }).toEqual({ dialog: testId, violations: [] });
      await page.keyboard.press('Escape');
      await page.getByTestId(testId).waitFor({ state: 'detached' });
    };
    await signIn(page, 'moderator');
    await page.goto(otherQuestionPath);
    await settle(page, '[data-testid="answer"]');
    await page.getByTestId('flag-button').first().click();
    await expectClean('flag-dialog');
    await page.getByTestId('close-question').click();
    await expectClean('close-dialog');
    await page.getByTestId('lock-question').click();
    await expectClean('lock-dialog');
    await page.goto('/settings/account');
    await settle(page, '[data-testid="delete-account-open"]');
    await page.getByTestId('delete-account-open').click();
    await expectClean('delete-account-dialog');
    await context.close();

    const authorContext = await newContext(width);
    const author = await authorContext.newPage();
    await signIn(author, 'author');
    await author.goto('/policies/social-media-policy/draft');
    await settle(author, '[data-testid="draft-markdown"]');
    // Something to publish: a sentence more, saved by the editor itself.
    await author.getByTestId('draft-markdown').press('Control+End');
    await author.getByTestId('draft-markdown').pressSequentially(' One sentence more.');
    await author.locator('[data-testid="draft-save-status"][data-state="saved"]').waitFor();
    await author.getByTestId('publish-summary').fill('A summary of what changed.');
    await author.getByTestId('publish-submit').click();
    await author.getByTestId('publish-confirm-dialog').waitFor();
    expect(await axeViolations(author)).toEqual([]);
    await authorContext.close();
  });
});

describe('the header on a 375 px screen', () => {
  it('stays one row, with a menu button that shows and hides the links and gives focus back on Escape', async () => {
    const context = await newContext(NARROW);
    const page = await context.newPage();
    await signIn(page, 'member');
    await page.goto('/');
    await settle(page, '[data-testid="question-link"]');
    const row = await page.evaluate(() => {
      const top = (testId: string) => document.querySelector(`[data-testid="${testId}"]`)?.getBoundingClientRect().top ?? -1;
      return { header: document.querySelector('header.site-header')?.getBoundingClientRect().height ?? 0, brand: top('nav-home'), bell: top('notification-bell'), menu: top('menu-button') };
    });
    // One row of 44 px targets and padding; the old header wrapped to three rows, over 120 px.
    expect(row.header).toBeLessThanOrEqual(72);
    expect(Math.abs(row.bell - row.menu)).toBeLessThan(8);
    expect(Math.abs(row.brand - row.menu)).toBeLessThan(24);

    const menuButton = page.getByTestId('menu-button');
    await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('false');
    const controls = (await menuButton.getAttribute('aria-controls')) ?? '';
    expect(await page.locator(`#${controls}`).getByTestId('nav-policies').isVisible()).toBe(false);
    await tabTo(page, '[data-testid="menu-button"]');
    await page.keyboard.press('Enter');
    await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.locator(`#${controls}`).getByTestId('nav-policies').waitFor();
    await tabTo(page, '[data-testid="nav-policies"]');
    await page.keyboard.press('Escape');
    await waitForFocus(page, '[data-testid="menu-button"]');
    await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('false');

    // A link in the menu opens its page, the menu folds away and focus goes to the new page's heading.
    await page.keyboard.press('Enter');
    await tabTo(page, '[data-testid="nav-policies"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/policies$/);
    await waitForFocus(page, 'main h1');
    await expect(menuButton.getAttribute('aria-expanded')).resolves.toBe('false');
    await context.close();
  });
});

describe('the focus ring', () => {
  /** WCAG relative luminance contrast of the focused element's outline against the colour behind the element. */
  async function focusRing(page: Page): Promise<{ style: string; width: number; contrast: number }> {
    return page.evaluate(() => {
      const parse = (colour: string) => (colour.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r, g, b]: number[]) => {
        const channel = (value: number) => {
          const c = value / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
      };
      const element = document.activeElement as HTMLElement;
      const ring = getComputedStyle(element);
      // The outline is drawn outside the element, over whatever is behind it.
      let behind = element.parentElement;
      let background = 'rgb(255, 255, 255)';
      while (behind) {
        const colour = getComputedStyle(behind).backgroundColor;
        const alpha = parse(colour)[3];
        if (colour !== 'transparent' && alpha !== 0) {
          background = colour;
          break;
        }
        behind = behind.parentElement;
      }
      const [light, dark] = [luminance(parse(ring.outlineColor)), luminance(parse(background))].sort((a, b) => b - a);
      return { style: ring.outlineStyle, width: parseFloat(ring.outlineWidth), contrast: (light + 0.05) / (dark + 0.05) };
    });
  }

  it('is a solid outline of at least 3:1 against the background around every kind of control', async () => {
    const context = await newContext(WIDE);
    const page = await context.newPage();
    await signIn(page, 'member');
    const expectRing = async (selector: string) => {
      await tabTo(page, selector);
      const ring = await focusRing(page);
      expect({ selector, style: ring.style, wide: ring.width >= 2, contrast: ring.contrast >= 3 }).toEqual({ selector, style: 'solid', wide: true, contrast: true });
    };
    await page.goto('/');
    await settle(page, '[data-testid="question-link"]');
    // Links, the search box and its button, the bell, a primary button on the page's grey.
    for (const selector of ['[data-testid="skip-link"]', '[data-testid="nav-policies"]', 'header input[type="search"]', 'header button[type="submit"]', '[data-testid="notification-bell"]', 'main .button-link.primary']) await expectRing(selector);
    await page.goto(otherQuestionPath);
    await settle(page, '[data-testid="answer"]');
    // Buttons and a text area on a post's white card.
    for (const selector of ['[data-testid="follow-button"]', '[data-testid="vote-up"]', '[data-testid="cite-policy"]', '[data-testid="answer-body"]']) await expectRing(selector);
    await context.close();
  });
});

describe('disabled vote buttons', () => {
  it('tell a visitor why, in their accessible description', async () => {
    const context = await newContext(WIDE);
    const page = await context.newPage();
    await page.goto(askedQuestionPath);
    await settle(page, '[data-testid="accepted-badge"]');
    const up = page.getByTestId('vote-up').first();
    expect(await up.isDisabled()).toBe(true);
    const description = await up.evaluate((button) =>
      (button.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ')
        .trim(),
    );
    expect(description).toBe('Sign in to vote');
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { databaseUrlFor, type RunningApi } from './support/api-server';
import { startForum, type ForumUnderTest } from './support/forum-under-test';
import { waitForHydrationAfterLoads } from './support/hydration';
import { runSql } from './support/database';
import { DEMO_PASSWORD } from './support/forum-pages';
import { focusedElement, focusIsOn, tabTo, waitForFocus } from './support/keyboard';

/*
 * The whole forum by keyboard alone: after the first page load, only Tab, Shift+Tab, Enter,
 * Space, the arrow keys, Escape and typed text; no clicks, no page.goto. At every step the
 * journey checks where focus went, since that is what a keyboard or screen reader user
 * follows.
 */

// The demo practitioner asked the demo question and may accept one of its answers.
const PRACTITIONER = 'practitioner@example.org';
const databaseName = `policy_commons_e2e_keyboard_${process.pid}`;
const databaseUrl = databaseUrlFor(databaseName);
const runId = `${process.pid}-${Date.now()}`;

let api: RunningApi | undefined;
let browser: Browser | undefined;
let forum: ForumUnderTest | undefined;
let askedQuestionPath = '';
let otherQuestionPath = '';

beforeAll(async () => {
  forum = await startForum(databaseName, () => {
    askedQuestionPath = `/q/${runSql(databaseUrl, "SELECT id FROM questions WHERE title ILIKE '%parish councillors%'")}`;
    otherQuestionPath = `/q/${runSql(databaseUrl, "SELECT id FROM questions WHERE title ILIKE '%prioritise%'")}`;
  });
  ({ api, browser } = forum);
}, 240_000);

afterAll(async () => {
  await forum?.stop();
}, 60_000);

/** After a link or a submitted form opens a page, focus is on that page's heading. */
async function expectNewPage(page: Page, path: RegExp, heading: RegExp): Promise<void> {
  await page.waitForURL((url) => path.test(url.pathname));
  await waitForFocus(page, 'main h1');
  expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(heading);
}

async function focusedValue(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement as HTMLInputElement | HTMLTextAreaElement | null)?.value ?? '');
}

describe('keyboard only', () => {
  it('signs in, asks, answers with a citation, votes, follows, accepts and signs out', async () => {
    if (!browser) throw new Error('browser not started');
    const context = waitForHydrationAfterLoads(await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: api?.baseUrl }));
    const page = await context.newPage();
    const keyboard = page.keyboard;
    await page.goto('/');
    await page.getByTestId('question-link').first().waitFor();

    // The skip link comes first and takes focus past the header.
    await keyboard.press('Tab');
    expect(await focusedElement(page)).toBe('skip-link');
    await keyboard.press('Enter');
    await waitForFocus(page, 'main');

    // Sign in; a refused attempt puts focus on the message that says why.
    await tabTo(page, '[data-testid="nav-sign-in"]', { backwards: true });
    await keyboard.press('Enter');
    await expectNewPage(page, /^\/signin$/, /^Sign in$/);
    await tabTo(page, 'input[name="email"]');
    await keyboard.type(PRACTITIONER);
    await keyboard.press('Tab');
    await keyboard.type('not-the-password');
    await keyboard.press('Enter');
    await waitForFocus(page, '[data-testid="form-error"]');
    await tabTo(page, 'input[type="password"]');
    await keyboard.press('Control+A');
    await keyboard.type(DEMO_PASSWORD);
    await keyboard.press('Enter');
    await expectNewPage(page, /^\/$/, /Policy questions/);

    // Ask a question. Submitting it empty puts focus on the first field the server refused.
    const title = `Do council officers need approval before posting in a personal capacity? ${runId}`;
    await tabTo(page, '[data-testid="nav-ask"]', { backwards: true });
    await keyboard.press('Enter');
    await expectNewPage(page, /^\/ask$/, /^Ask a question$/);
    await tabTo(page, '[data-testid="ask-title"]');
    await keyboard.press('Enter');
    await page.waitForFunction(() => {
      const focused = document.activeElement;
      return focused !== null && focused.closest('[data-testid="ask-form"]') !== null && focused.matches('select, input, textarea') && focused.getAttribute('data-testid') !== 'ask-title';
    });
    await tabTo(page, '[data-testid="ask-community"]', { backwards: true });
    // A closed select takes the next option on ↓: the demo community, the only one.
    await keyboard.press('ArrowDown');
    expect(await focusedValue(page)).not.toBe('');
    await tabTo(page, '[data-testid="ask-title"]');
    await keyboard.type(title);
    await tabTo(page, '[data-testid="ask-body"]');
    await keyboard.type('Our code of conduct covers official accounts. Does it say anything about personal ones?');
    await tabTo(page, '[data-testid="ask-tags"]');
    await keyboard.type('social-media');
    await keyboard.press('Enter');
    await expectNewPage(page, /^\/q\/[^/]+$/, new RegExp(`^${title.replace(/[?.]/g, '\\$&')}$`));
    expect(await page.title()).toBe(`${title} · Policy Commons`);

    // Home, then the other demo question.
    await tabTo(page, '[data-testid="nav-home"]', { backwards: true });
    await keyboard.press('Enter');
    await expectNewPage(page, /^\/$/, /Policy questions/);
    await tabTo(page, `[data-testid="question-link"][href="${otherQuestionPath}"]`);
    await keyboard.press('Enter');
    await expectNewPage(page, new RegExp(`^${otherQuestionPath}$`), /prioritise/);

    // Follow the question: the toggle keeps focus and says it is on.
    await tabTo(page, '[data-testid="follow-button"]');
    await keyboard.press('Enter');
    await page.locator('[data-testid="follow-button"][aria-pressed="true"]').waitFor();
    expect(await focusedElement(page)).toBe('follow-button');

    // Vote for the first answer with Space: focus stays on the button, now pressed.
    const scoreBefore = await page.locator('[data-testid="answer"]').first().getByTestId('score').textContent();
    await tabTo(page, '[data-testid="answer"] [data-testid="vote-up"]');
    await keyboard.press('Space');
    await page.locator('[data-testid="answer"] [data-testid="vote-up"][aria-pressed="true"]').waitFor();
    expect(await focusIsOn(page, '[data-testid="answer"] [data-testid="vote-up"][aria-pressed="true"]')).toBe(true);
    expect(Number(await page.locator('[data-testid="answer"]').filter({ has: page.locator('[data-testid="vote-up"][aria-pressed="true"]') }).getByTestId('score').textContent())).toBe(Number(scoreBefore) + 1);

    // Answer, citing a section through the picker: Escape closes it and focus goes back to its button.
    const answerText = `Prioritise where residents already are, and cite the conduct code when staff post. ${runId}`;
    await tabTo(page, '[data-testid="answer-form"] [data-testid="answer-body"]');
    await keyboard.type(answerText);
    await tabTo(page, '[data-testid="answer-form"] [data-testid="cite-policy"]', { backwards: true });
    await keyboard.press('Enter');
    await waitForFocus(page, '[data-testid="citation-picker-query"]');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog')?.getAttribute('aria-modal'))).toBe('true');
    await keyboard.press('Escape');
    await page.getByTestId('citation-picker').waitFor({ state: 'detached' });
    await waitForFocus(page, '[data-testid="answer-form"] [data-testid="cite-policy"]');
    await keyboard.press('Enter');
    await waitForFocus(page, '[data-testid="citation-picker-query"]');
    await keyboard.type('conduct');
    // The documents arrive from the api; ↓ moves to them once they are listed.
    await page.getByTestId('citation-picker-document').filter({ hasText: 'Employee Code of Business Conduct' }).waitFor();
    await keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Employee Code of Business Conduct');
    // Tab stays inside the dialog.
    for (let i = 0; i < 6; i += 1) {
      await keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="citation-picker"]') !== null)).toBe(true);
    }
    await tabTo(page, '[data-testid="citation-picker-query"]');
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    await waitForFocus(page, '[data-testid="citation-picker-query"]');
    await keyboard.type('line manager');
    await page.getByTestId('citation-picker-section').filter({ hasText: 'Line manager outcomes' }).waitFor();
    await keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('§ Line manager outcomes');
    await keyboard.press('Enter');
    await page.getByTestId('citation-picker').waitFor({ state: 'detached' });
    await waitForFocus(page, '[data-testid="answer-form"] [data-testid="answer-body"]');
    expect(await focusedValue(page)).toBe(`${answerText} [Line manager outcomes](policy:code-of-business-conduct@1.0#line-manager-outcomes)`);
    await tabTo(page, '[data-testid="answer-submit"]');
    await keyboard.press('Enter');
    // Focus goes to the posted answer, its citation shown as a chip.
    const posted = page.getByTestId('answer').filter({ hasText: answerText });
    await posted.getByTestId('answer-body').locator('[data-testid="citation-chip"][data-status="CURRENT"]').waitFor();
    await page.waitForFunction((text) => document.activeElement?.matches('[data-testid="answer"]') === true && (document.activeElement.textContent ?? '').includes(text), answerText);

    // The notification popover: focus moves in, Tab stays in, Escape gives it back to the bell.
    await tabTo(page, '[data-testid="notification-bell"]', { backwards: true });
    await keyboard.press('Enter');
    await page.getByTestId('notification-dropdown').getByTestId('notification').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="notification-dropdown"]') !== null)).toBe(true);
    for (let i = 0; i < 8; i += 1) {
      await keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="notification-dropdown"]') !== null)).toBe(true);
    }
    await keyboard.press('Escape');
    await page.getByTestId('notification-dropdown').waitFor({ state: 'detached' });
    expect(await focusedElement(page)).toBe('notification-bell');

    // Accept an answer to the demo question: focus goes to the accepted badge.
    await tabTo(page, '[data-testid="nav-home"]', { backwards: true });
    await keyboard.press('Enter');
    await expectNewPage(page, /^\/$/, /Policy questions/);
    await tabTo(page, `[data-testid="question-link"][href="${askedQuestionPath}"]`);
    await keyboard.press('Enter');
    await expectNewPage(page, new RegExp(`^${askedQuestionPath}$`), /parish councillors/);
    await tabTo(page, '[data-testid="accept-answer"]');
    const accepting = await page.evaluate(() => document.activeElement?.closest('[data-testid="answer"]')?.id ?? '');
    await keyboard.press('Enter');
    await page.locator(`#${accepting}[data-accepted="true"]`).waitFor();
    await waitForFocus(page, `#${accepting} [data-testid="accepted-badge"]`);

    // Sign out: the home page opens, with focus on its heading.
    await tabTo(page, '[data-testid="sign-out"]', { backwards: true });
    await keyboard.press('Enter');
    await page.getByTestId('nav-sign-in').waitFor();
    await expectNewPage(page, /^\/$/, /Policy questions/);
    await context.close();
  });
});

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { databaseUrlFor, screenshotDirectory, type RunningApi } from './support/api-server';
import { startForum, type ForumUnderTest } from './support/forum-under-test';
import { seriousAxeViolations } from './support/axe';
import { waitForHydrationAfterLoads } from './support/hydration';
import { DEMO_PASSWORD, PASSWORD, signUp } from './support/forum-pages';
import { runSql } from './support/database';

// Seeded by prepare outside production (see the README's demo accounts).
const DEMO_COMMUNITY_SLUG = 'social-media-in-local-government';
const DEMO_QUESTION_TITLE = /parish council/i;
const PRACTITIONER = { email: 'practitioner@example.org' };
const AUTHOR = { email: 'author@example.org' };
const MODERATOR = { email: 'moderator@example.org' };
const SITE_ADMIN = { email: 'admin@example.org' };
const ORG_ADMIN = { email: 'orgadmin@example.org' };
const MOBILE_WIDTH = 375;

const databaseName = `policy_commons_e2e_moderation_${process.pid}`;
const databaseUrl = databaseUrlFor(databaseName);
const runId = `${process.pid}-${Date.now()}`;

let api: RunningApi | undefined;
/** The demo question, found by the first test. */
let questionPath = '';
let browser: Browser | undefined;
let forum: ForumUnderTest | undefined;
let shotNumber = 0;

async function screenshot(page: Page, name: string): Promise<void> {
  shotNumber += 1;
  await page.screenshot({ path: join(screenshotDirectory, `moderation-${String(shotNumber).padStart(2, '0')}-${name}.png`), fullPage: true });
}

async function newContext(width = 1280): Promise<BrowserContext> {
  if (!browser) throw new Error('browser not started');
  return waitForHydrationAfterLoads(await browser.newContext({ viewport: { width, height: 900 }, baseURL: api?.baseUrl }));
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByTestId('sign-in-submit').click();
  // Attached, not visible: on a narrow screen the account links are behind the menu button.
  await page.getByTestId('sign-out').waitFor({ state: 'attached' });
}

async function signOut(page: Page): Promise<void> {
  await page.getByTestId('sign-out').click();
  await page.getByTestId('nav-sign-in').waitFor();
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(MOBILE_WIDTH);
}

/** The id of the element that has focus, or its test id. */
async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}

beforeAll(async () => {
  mkdirSync(screenshotDirectory, { recursive: true });
  forum = await startForum(databaseName, () => {
    // Flags from accounts younger than a day count half; the demo accounts were created by
    // the seed a moment ago, so make the two flaggers established members.
    runSql(databaseUrl, `UPDATE users SET created_at = now() - interval '90 days' WHERE email IN ('${PRACTITIONER.email}', '${AUTHOR.email}')`);
  });
  ({ api, browser } = forum);
}, 240_000);

afterAll(async () => {
  await forum?.stop();
}, 60_000);

describe('moderation journey', () => {
  const spammer = { email: `spammer-${runId}@example.org`, displayName: `Spammer ${runId}` };
  const spamText = `Cheap followers for your council page, guaranteed results! ${runId}`;
  let spamAnswerId = '';
  let spammerId = '';

  it('hides spam once two established members flag it, and shows a tombstone to everyone else', async () => {
    const context = await newContext();
    const page = await context.newPage();

    await page.goto(`/c/${DEMO_COMMUNITY_SLUG}`);
    const demoQuestion = page.getByTestId('question-link').filter({ hasText: DEMO_QUESTION_TITLE }).first();
    questionPath = (await demoQuestion.getAttribute('href')) ?? '';
    expect(questionPath).toMatch(/^\/q\//);

    await signUp(page, spammer.email, spammer.displayName);
    spammerId = ((await page.getByTestId('viewer-name').getAttribute('href')) ?? '').replace(/^\/u\//, '');
    await page.goto(questionPath);
    await page.getByTestId('answer-form').getByTestId('answer-body').fill(spamText);
    await page.getByTestId('answer-submit').click();
    const spam = page.getByTestId('answer').filter({ hasText: spamText });
    await spam.waitFor();
    spamAnswerId = ((await spam.getAttribute('id')) ?? '').replace(/^answer-/, '');
    expect(spamAnswerId).not.toBe('');
    // Nobody flags their own post.
    expect(await spam.getByTestId('flag-button').count()).toBe(0);
    await signOut(page);

    // The first flag: the dialog takes focus, Escape closes it and gives focus back.
    await signIn(page, PRACTITIONER.email, DEMO_PASSWORD);
    await page.goto(questionPath);
    const answer = page.locator(`#answer-${spamAnswerId}`);
    await answer.getByTestId('flag-button').click();
    const dialog = page.getByTestId('flag-dialog');
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'flag-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedTestId(page)).toBe('flag-button');

    // "Something else" needs a note; a reason chosen by keyboard goes through.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByTestId('flag-reason-other').check();
    await dialog.getByTestId('flag-submit').click();
    await dialog.getByRole('alert').filter({ hasText: 'needs a note' }).waitFor();
    await dialog.getByTestId('flag-reason-spam').check();
    await dialog.getByTestId('flag-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await answer.getByTestId('flagged').waitFor();
    expect(await focusedTestId(page)).toBe('flagged');
    // One flag is not enough to hide it.
    await expect(answer.getAttribute('data-visibility')).resolves.toBe('VISIBLE');
    await page.reload();
    await answer.getByTestId('flagged').waitFor();
    await signOut(page);

    // The second flag reaches the threshold.
    await signIn(page, AUTHOR.email, DEMO_PASSWORD);
    await page.goto(questionPath);
    await answer.getByTestId('flag-button').click();
    await dialog.getByTestId('flag-reason-spam').check();
    await dialog.getByTestId('flag-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.locator(`#answer-${spamAnswerId}[data-visibility="HIDDEN"]`).waitFor();
    await signOut(page);

    // A third person sees only the tombstone.
    await page.goto(questionPath);
    await answer.getByTestId('tombstone').filter({ hasText: 'This answer was hidden.' }).waitFor();
    expect(await page.getByText(spamText).count()).toBe(0);
    await screenshot(page, 'hidden-for-others');

    // Its author still reads it, under a banner that says why and how to ask for a review.
    await signIn(page, spammer.email, PASSWORD);
    await page.goto(questionPath);
    const banner = answer.getByTestId('removed-banner');
    await expect(banner.textContent()).resolves.toMatch(/This answer was hidden after flags from the community: spam\..*Only you and the moderators/);
    await answer.getByTestId('review-hint').waitFor();
    await answer.getByTestId('answer-body').getByText(spamText).waitFor();
    await expectAccessible(page);
    await screenshot(page, 'hidden-for-its-author');
    await context.close();
  });

  it('lets the community moderator delete it from the queue with a reason, and the log shows it', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, MODERATOR.email, DEMO_PASSWORD);

    await page.getByTestId('nav-moderation').click();
    await page.waitForURL(new RegExp(`/c/${DEMO_COMMUNITY_SLUG}/moderation$`));
    const flagged = page.locator(`[data-testid="flagged-post"][data-post-id="${spamAnswerId}"]`);
    await flagged.waitFor();
    await expect(flagged.getByTestId('flagged-excerpt').textContent()).resolves.toContain(spamText);
    expect(await flagged.getByTestId('flag').count()).toBe(2);
    expect((await flagged.getByTestId('flag').allTextContents()).every((text) => text.startsWith('Spam'))).toBe(true);
    await expectAccessible(page);
    await screenshot(page, 'queue');

    await flagged.getByTestId('queue-delete').click();
    const dialog = page.getByTestId('resolve-dialog');
    await dialog.waitFor();
    // A deletion needs its reason.
    await dialog.getByTestId('action-confirm').click();
    await dialog.getByRole('alert').waitFor();
    await dialog.getByTestId('action-reason').fill('spam');
    await expectAccessible(page);
    await dialog.getByTestId('action-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await flagged.waitFor({ state: 'detached' });

    await page.getByTestId('tab-log').click();
    await page.waitForURL(new RegExp(`/c/${DEMO_COMMUNITY_SLUG}/moderation/log$`));
    const deletion = page.locator('[data-testid="log-entry"][data-action="DELETE"]').first();
    await deletion.waitFor();
    await expect(deletion.getByTestId('log-reason').textContent()).resolves.toBe('Reason: spam');
    await expect(deletion.textContent()).resolves.toMatch(/Deleted: answer on “/);
    expect(await page.locator('[data-testid="log-entry"][data-action="FLAG_HIDE"]').count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, 'log');

    // The site-wide queue is for site staff: a community moderator is sent to theirs.
    await page.goto('/moderation');
    await page.getByTestId('moderated-communities').waitFor();
    await context.close();

    // Everyone now reads the moderator's tombstone.
    const anonymous = await newContext();
    const reader = await anonymous.newPage();
    await reader.goto(questionPath);
    await reader.locator(`#answer-${spamAnswerId}`).getByTestId('tombstone').filter({ hasText: 'This answer was removed by a moderator: spam.' }).waitFor();
    await anonymous.close();
  });

  it('shows site staff the site-wide queue and log, and a suspended member why they cannot post', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, SITE_ADMIN.email, DEMO_PASSWORD);
    await page.getByTestId('nav-moderation').click();
    await page.waitForURL(/\/moderation$/);
    await page.locator('main h1').filter({ hasText: /^Moderation queue: all communities$/ }).waitFor();
    await page.getByTestId('tab-log').click();
    await page.locator('[data-testid="log-entry"][data-action="DELETE"]').first().waitFor();
    await expectAccessible(page);

    // Suspending has no screen of its own yet: the admin asks the API, with the session the page has.
    const response = await context.request.post('/graphql', {
      data: { query: 'mutation($input: SuspendMemberInput!) { suspendMember(input: $input) { id suspendedUntil } }', variables: { input: { userId: spammerId, days: 3, reason: 'spam' } } },
    });
    const body = (await response.json()) as { data?: { suspendMember: { suspendedUntil: string | null } }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    expect(body.data?.suspendMember.suspendedUntil).not.toBeNull();
    await context.close();

    const spammerContext = await newContext();
    const spammerPage = await spammerContext.newPage();
    await signIn(spammerPage, spammer.email, PASSWORD);
    await expect(spammerPage.getByTestId('suspended-banner').textContent()).resolves.toMatch(/^Your account is suspended until .*You can read everything, but you cannot post/);
    await spammerPage.goto(questionPath);
    await spammerPage.getByTestId('answer-form-closed').filter({ hasText: 'Your account is suspended until' }).waitFor();
    await expectAccessible(spammerPage);
    await screenshot(spammerPage, 'suspended');
    await spammerContext.close();
  });

  it('shows moderators the close and lock controls, with banners and no answer form while closed', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, MODERATOR.email, DEMO_PASSWORD);

    // A question to close as a duplicate of the demo question, found by its title.
    await page.goto(`/ask?community=${DEMO_COMMUNITY_SLUG}`);
    const title = `Is there a social media policy for officers who are parish councillors? ${runId}`;
    await page.getByTestId('ask-title').fill(title);
    await page.getByTestId('ask-body').fill('Asking again, worded differently.');
    await page.getByTestId('ask-tags').fill('social-media');
    await page.getByTestId('ask-submit').click();
    await page.waitForURL(/\/q\/[^/]+$/);
    const duplicatePath = new URL(page.url()).pathname;

    await page.getByTestId('close-question').click();
    const dialog = page.getByTestId('close-dialog');
    await dialog.getByTestId('close-reason').selectOption('DUPLICATE');
    await dialog.getByTestId('duplicate-search').fill(`${api?.baseUrl}${questionPath}`);
    await dialog.getByTestId('duplicate-candidate').filter({ hasText: DEMO_QUESTION_TITLE }).check();
    await expectAccessible(page);
    await screenshot(page, 'close-dialog');
    await dialog.getByTestId('close-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('closed-banner').waitFor();
    await expect(page.getByTestId('duplicate-target').getAttribute('href')).resolves.toBe(questionPath);
    await page.getByTestId('answer-form-closed').filter({ hasText: 'closed as a duplicate' }).waitFor();
    expect(await page.getByTestId('answer-form').count()).toBe(0);
    // The question list keeps a closed question, marked as closed.
    await page.goto(`/c/${DEMO_COMMUNITY_SLUG}`);
    const listed = page.getByTestId('question-item').filter({ hasText: title });
    await listed.getByTestId('question-closed').filter({ hasText: 'closed: duplicate' }).waitFor();
    await page.goto(duplicatePath);
    await page.getByTestId('closed-banner').waitFor();

    await page.getByTestId('lock-question').click();
    await page.getByTestId('lock-dialog').getByTestId('action-confirm').click();
    await page.getByTestId('locked-banner').waitFor();
    await expectAccessible(page);
    await screenshot(page, 'closed-and-locked');

    await page.getByTestId('unlock-question').click();
    await page.getByTestId('locked-banner').waitFor({ state: 'detached' });
    await page.getByTestId('reopen-question').click();
    await page.getByTestId('closed-banner').waitFor({ state: 'detached' });
    await page.getByTestId('answer-form').waitFor();
    expect(new URL(page.url()).pathname).toBe(duplicatePath);
    await context.close();
  });
});

describe('roles granted, not declared', () => {
  const member = { email: `officer-${runId}@example.org`, displayName: `Officer ${runId}` };
  const slug = `flexible-working-${process.pid}`;

  it('lets a member ask to author the county council’s policies and its admin approve', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signUp(page, member.email, member.displayName);

    // From the policy library to the organisation's page.
    await page.goto('/policies');
    await page.getByRole('link', { name: 'Shireford County Council' }).first().click();
    await page.waitForURL(/\/o\/county-council$/);
    await page.getByTestId('organisation-members').waitFor();
    await expect(page.getByTestId('viewer-organisation-role').textContent()).resolves.toBe('You hold no role here.');
    // A request asked in haste can be withdrawn.
    await page.getByTestId('role-request-role').selectOption('ORG_ADMIN');
    await page.getByTestId('role-request-submit').click();
    await page.getByTestId('withdraw-role-request').click();
    await page.getByTestId('role-request-form').waitFor();
    await page.getByTestId('role-request-role').selectOption('POLICY_AUTHOR');
    await page.getByTestId('role-request-note').fill('I keep the flexible working policy for HR.');
    await expectAccessible(page);
    await page.getByTestId('role-request-submit').click();
    await page.getByTestId('pending-role-request').waitFor();
    await expect(page.getByTestId('pending-role-request').textContent()).resolves.toMatch(/You asked to become Policy author/);
    await screenshot(page, 'role-requested');
    await signOut(page);

    await signIn(page, ORG_ADMIN.email, DEMO_PASSWORD);
    await page.goto('/o/county-council');
    const request = page.getByTestId('role-request').filter({ hasText: member.displayName });
    await request.waitFor();
    await expect(request.textContent()).resolves.toMatch(/I keep the flexible working policy for HR\./);
    await expectAccessible(page);
    await screenshot(page, 'org-admin-requests');
    await request.getByTestId('decision-note').fill('Welcome aboard.');
    await request.getByTestId('approve-role-request').click();
    await request.waitFor({ state: 'detached' });
    await page.locator('[data-testid="organisation-member"][data-role="POLICY_AUTHOR"]').filter({ hasText: member.displayName }).waitFor();
    await page.getByTestId('role-change').filter({ hasText: `${member.displayName}: Granted Policy author` }).waitFor();
    await signOut(page);
    await context.close();
  });

  it('lets the new policy author create and publish a document for the council', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, member.email, PASSWORD);

    // The granted role is on the profile, apart from declared affiliations.
    await page.getByTestId('viewer-name').click();
    await expect(page.getByTestId('organisation-roles').textContent()).resolves.toBe('Policy author at Shireford County Council');
    // The requests come from a query of their own, which may still be loading when the roles show.
    await page.getByTestId('my-role-requests').locator('li').nth(1).waitFor();
    await expect(page.getByTestId('my-role-requests').locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-status')).sort())).resolves.toEqual(['APPROVED', 'WITHDRAWN']);
    await expectAccessible(page);

    await page.goto('/policies');
    const form = page.getByTestId('create-policy-form');
    await form.getByLabel('Organisation').selectOption('county-council');
    await form.getByLabel('Title').fill('Flexible Working Policy');
    await form.getByLabel('Slug').fill(slug);
    await form.getByRole('button', { name: 'Create document' }).click();
    await page.waitForURL(new RegExp(`/policies/${slug}/draft$`));
    await page.getByTestId('draft-markdown').fill('## Who may ask\n\nAny employee after six months.\n\n## How to ask\n\nWrite to your line manager.');
    await page.locator('[data-testid="draft-save-status"][data-state="saved"]').waitFor();
    await page.getByTestId('publish-summary').fill('First edition.');
    await page.getByTestId('publish-submit').click();
    await page.getByTestId('publish-confirm').click();
    await page.waitForURL(new RegExp(`/policies/${slug}/1\\.0$`));
    await page.locator('[data-testid="policy-section"][data-anchor="how-to-ask"]').waitFor();
    await screenshot(page, 'published-by-new-author');
    await context.close();
  });
});

describe('accounts', () => {
  it('answers a password reset request the same way for any address, and refuses an unknown link', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/signin');
    await page.getByTestId('forgot-password-link').click();
    await page.waitForURL(/\/forgot-password$/);
    // The address changes before the page does: the sign-in form (with its own Email) shows until then.
    await page.getByTestId('forgot-password-form').waitFor();
    await page.getByLabel('Email').fill(`nobody-${runId}@example.org`);
    await page.getByTestId('forgot-password-submit').click();
    // Whichever comes first: the notice, or an error the page shows (named in the failure).
    await page.getByTestId('reset-requested').or(page.getByRole('alert')).first().waitFor();
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    const unknown = (await page.getByTestId('reset-requested').textContent()) ?? '';
    await page.getByLabel('Email').fill(PRACTITIONER.email);
    await page.getByTestId('forgot-password-submit').click();
    await page.getByTestId('forgot-password-submit').filter({ hasText: 'Send the link again' }).waitFor();
    await expect(page.getByTestId('reset-requested').textContent()).resolves.toBe(unknown);
    await expectAccessible(page);

    await page.goto('/reset-password/not-a-real-token');
    await page.getByTestId('reset-password-new').fill('a-brand-new-password');
    await page.getByTestId('reset-password-confirmation').fill('a-brand-new-password');
    await page.getByTestId('reset-password-submit').click();
    await page.getByRole('alert').first().waitFor();
    await expect(page.getByTestId('sign-out').count()).resolves.toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it('deletes an account after a clear confirmation, signs it out and sends it home', async () => {
    const leaver = { email: `leaver-${runId}@example.org`, displayName: `Leaver ${runId}` };
    const context = await newContext();
    const page = await context.newPage();
    await signUp(page, leaver.email, leaver.displayName);
    await page.goto('/settings/account');
    await expect(page.getByTestId('delete-account').textContent()).resolves.toMatch(/cannot be undone/);
    await expectAccessible(page);
    await page.getByTestId('delete-account-open').click();
    const dialog = page.getByTestId('delete-account-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('delete-account-password').fill('not my password');
    await dialog.getByTestId('delete-account-understood').check();
    await dialog.getByTestId('delete-account-submit').click();
    await dialog.getByRole('alert').first().waitFor();
    await expectAccessible(page);
    await screenshot(page, 'delete-account');

    await dialog.getByTestId('delete-account-password').fill(PASSWORD);
    await dialog.getByTestId('delete-account-submit').click();
    await page.getByTestId('flash-notice').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByTestId('nav-sign-in').waitFor();

    // The address no longer signs in.
    await page.goto('/signin');
    await page.getByLabel('Email').fill(leaver.email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('form-error').waitFor();
    await context.close();
  });
});

describe('on a 375 px wide screen', () => {
  it('fits the moderation, organisation and account pages', async () => {
    const context = await newContext(MOBILE_WIDTH);
    const page = await context.newPage();
    await signIn(page, MODERATOR.email, DEMO_PASSWORD);
    for (const path of [`/c/${DEMO_COMMUNITY_SLUG}/moderation`, `/c/${DEMO_COMMUNITY_SLUG}/moderation/log`, '/o/county-council', '/settings/account', questionPath]) {
      await page.goto(path);
      await page.getByTestId('loading').waitFor({ state: 'detached' });
      await page.locator('main h1, main [data-testid="question-title"]').first().waitFor();
      await expectNoHorizontalOverflow(page);
    }
    await page.goto(`/c/${DEMO_COMMUNITY_SLUG}/moderation/log`);
    await page.getByTestId('moderation-log').waitFor();
    await screenshot(page, 'mobile-log');
    await context.close();
  });
});

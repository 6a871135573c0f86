import type { BrowserContext, Page } from 'playwright-core';

/**
 * A server-rendered page is plain HTML until its JavaScript has hydrated it: a form filled
 * and submitted before then is submitted by the browser, not the app. A person takes longer
 * than that to start typing; a test does not. So every page of these contexts waits, after
 * goto and reload, until the app marks the document hydrated (AppLayout's HydratedMarker).
 * Pages the api renders itself (an unsubscribe link) carry no app data and are not waited on.
 */
export function waitForHydrationAfterLoads(context: BrowserContext): BrowserContext {
  context.on('page', (page) => patch(page));
  for (const page of context.pages()) patch(page);
  return context;
}

async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getElementById('pc-server-data') === null || document.documentElement.dataset.hydrated === 'true');
}

function patch(page: Page): void {
  const goto = page.goto.bind(page);
  const reload = page.reload.bind(page);
  page.goto = async (...args: Parameters<Page['goto']>) => {
    const response = await goto(...args);
    await hydrated(page);
    return response;
  };
  page.reload = async (...args: Parameters<Page['reload']>) => {
    const response = await reload(...args);
    await hydrated(page);
    return response;
  };
}

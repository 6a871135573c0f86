import type { Page } from 'playwright-core';

/** What has focus, in words a failing assertion can show: its test id, else its tag and text. */
export async function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const testId = element.getAttribute('data-testid');
    if (testId) return testId;
    const text = (element.getAttribute('aria-label') ?? element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `${element.tagName.toLowerCase()}: ${text}`;
  });
}

/** Whether the focused element matches a CSS selector. */
export async function focusIsOn(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element matches the selector, as a keyboard
 * user would, and fails naming every stop on the way when it is not reached.
 */
export async function tabTo(page: Page, selector: string, { backwards = false, most = 150 }: { backwards?: boolean; most?: number } = {}): Promise<void> {
  const stops: string[] = [];
  for (let presses = 0; presses < most; presses += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    if (await focusIsOn(page, selector)) return;
    stops.push(await focusedElement(page));
  }
  throw new Error(`Tab never reached ${selector}; it went through: ${stops.join(' → ')}`);
}

/** Waits until the focused element matches the selector (focus that moves after a request or a navigation). */
export async function waitForFocus(page: Page, selector: string): Promise<void> {
  try {
    await page.waitForFunction((wanted) => document.activeElement?.matches(wanted) ?? false, selector, { timeout: 10_000 });
  } catch {
    throw new Error(`Focus did not reach ${selector}; it is on ${await focusedElement(page)}`);
  }
}

import type { Page } from 'playwright-core';

/** The demo accounts' password (apps/api/src/seed/demo-content.ts). */
export const DEMO_PASSWORD = 'demo-password-1';
/** The password of every account a journey opens. */
export const PASSWORD = 'journey-password-1';

/** Opens an account through the sign-up page and waits until the header names it. */
export async function signUp(page: Page, email: string, displayName: string): Promise<void> {
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Display name').fill(displayName);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByTestId('sign-up-submit').click();
  await page.getByTestId('viewer-name').filter({ hasText: displayName }).waitFor();
}

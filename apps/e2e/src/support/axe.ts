import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

let axeSource: string | undefined;

async function run(page: Page): Promise<AxeResults['violations']> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations;
}

/**
 * axe-core's violations of every impact on the page as it is now (open dialogs included),
 * each element with axe's summary of what to fix. The app's CSP allows no inline script, so
 * axe is evaluated over the DevTools protocol (page.evaluate), which CSP does not govern,
 * rather than added as a <script>.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  return (await run(page)).map((violation) => ({
    id: violation.id,
    impact: violation.impact ?? '',
    help: violation.help,
    targets: violation.nodes.map((node) => `${node.target.join(' ')} (${(node.failureSummary ?? '').replace(/\s+/g, ' ').trim()})`),
  }));
}

/** The serious and critical ones only. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  return (await run(page))
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact ?? '', help: violation.help, targets: violation.nodes.map((node) => node.target.join(' ')) }));
}

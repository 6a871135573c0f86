import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** apps/web/dist, found from src/ (tests) or dist/ (built) alike. */
export function defaultWebDistDir(): string {
  return resolve(here, '..', '..', '..', 'web', 'dist');
}

const stylesheetsByBuild = new Map<string, readonly string[]>();

/**
 * The stylesheets the web build's index.html links (their names carry a content hash, so
 * they are read from the build rather than known in advance), for the pages the api renders
 * itself to look like the rest of the site. None when there is no web build. Read once per
 * process: the build does not change under a running api.
 */
export function webStylesheets(webDistDir: string): readonly string[] {
  const known = stylesheetsByBuild.get(webDistDir);
  if (known) return known;
  const indexHtml = join(webDistDir, 'index.html');
  const hrefs: string[] = [];
  if (existsSync(indexHtml)) {
    for (const [link] of readFileSync(indexHtml, 'utf8').matchAll(/<link\b[^>]*>/gi)) {
      if (!/\brel=["']?stylesheet\b/i.test(link)) continue;
      const href = /\bhref=["']?([^"'\s>]+)/i.exec(link)?.[1];
      // Only the site's own files: style-src allows 'self' and nothing else.
      if (href?.startsWith('/') && !href.startsWith('//')) hrefs.push(href);
    }
  }
  stylesheetsByBuild.set(webDistDir, hrefs);
  return hrefs;
}

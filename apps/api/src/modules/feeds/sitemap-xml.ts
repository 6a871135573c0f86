import { xmlDocument } from './xml-document.js';
import { w3cDatetime } from './xml-text.js';

const SITEMAPS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** One page in a sitemap: its absolute URL and when its content last changed. */
export interface SitemapUrl {
  loc: string;
  lastmod?: Date;
}

/** A sitemap file (sitemaps.org protocol 0.9): a <urlset>. */
export function renderUrlSet(urls: readonly SitemapUrl[]): string {
  return xmlDocument('urlset', {
    '@_xmlns': SITEMAPS,
    url: urls.map((url) => ({ loc: url.loc, ...(url.lastmod ? { lastmod: w3cDatetime(url.lastmod) } : {}) })),
  }, 'compact');
}

/** The sitemap index: a <sitemapindex> naming every sitemap file. */
export function renderSitemapIndex(locations: readonly string[]): string {
  return xmlDocument('sitemapindex', { '@_xmlns': SITEMAPS, sitemap: locations.map((loc) => ({ loc })) }, 'compact');
}

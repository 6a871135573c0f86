import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import fresh from 'fresh';

/**
 * Sends a public document that any cache may keep for `maxAgeSeconds`, answering 304 to a
 * conditional request that already has it (If-None-Match first, else If-Modified-Since,
 * as RFC 9110 13.2.2 orders them). The ETag is a digest of the document, so anything that
 * changes it (an entry removed by a moderator as much as a new one) changes the tag;
 * Last-Modified is the newest entry's date, for clients that only send If-Modified-Since.
 */
export function sendCacheable(
  req: Request,
  res: Response,
  document: { contentType: string; body: string; lastModified?: Date; maxAgeSeconds?: number; cacheControl?: string; status?: number },
): void {
  res.setHeader('Content-Type', `${document.contentType}; charset=utf-8`);
  res.setHeader('Cache-Control', document.cacheControl ?? `public, max-age=${document.maxAgeSeconds ?? 0}`);
  res.setHeader('ETag', `"${createHash('sha256').update(document.body).digest('base64url').slice(0, 32)}"`);
  if (document.lastModified) res.setHeader('Last-Modified', document.lastModified.toUTCString());
  const status = document.status ?? 200;
  if (status === 200 && isFresh(req, res)) {
    res.status(304).end();
    return;
  }
  res.status(status).send(document.body);
}

/** A plain 404 for a feed or sitemap that does not exist: crawlers and feed readers need the status, not a page. */
export function sendNotFound(res: Response, what: string): void {
  res.status(404).setHeader('Cache-Control', 'no-cache');
  res.type('text/plain').send(`There is no ${what} here.\n`);
}

/**
 * `fresh` evaluates the conditions; the request's Cache-Control is left out because
 * `fresh` (and so Express's req.fresh) calls any request with "no-cache" stale, while
 * no-cache asks for validation by the origin, which a 304 is (RFC 9111 5.2.1.4). Fetch
 * clients add "Cache-Control: no-cache" to every request with conditional headers.
 */
function isFresh(req: Request, res: Response): boolean {
  const conditions = { 'if-none-match': req.headers['if-none-match'], 'if-modified-since': req.headers['if-modified-since'] };
  return fresh(conditions, { etag: res.getHeader('ETag') as string, 'last-modified': res.getHeader('Last-Modified') as string | undefined });
}

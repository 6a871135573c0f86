import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fresh from 'fresh';

/** The request's path, without its query (a Fastify request has no `path`). */
export function requestPath(req: Pick<FastifyRequest, 'url'>): string {
  const query = req.url.indexOf('?');
  return query === -1 ? req.url : req.url.slice(0, query);
}

/** A document's bytes and entity tag (a digest of them). */
export interface EncodedDocument {
  body: Buffer;
  etag: string;
}

/**
 * Encodes a document once, for one sent many times (a cached page): encoding and digesting
 * 100 KB on every request cost CPU, and the copies, made a thousand times a second, kept
 * the process's memory tens of megabytes higher until the collector caught up.
 */
export function encodeDocument(text: string): EncodedDocument {
  const body = Buffer.from(text, 'utf8');
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"` };
}

/**
 * Sends a public document that any cache may keep for `maxAgeSeconds`, answering 304 to a
 * conditional request that already has it (If-None-Match first, else If-Modified-Since,
 * as RFC 9110 13.2.2 orders them). The ETag is a digest of the document, so anything that
 * changes it (an entry removed by a moderator as much as a new one) changes the tag;
 * Last-Modified is the newest entry's date, for clients that only send If-Modified-Since.
 */
export function sendCacheable(
  req: FastifyRequest,
  reply: FastifyReply,
  document: { contentType: string; body: string | EncodedDocument; lastModified?: Date; maxAgeSeconds?: number; cacheControl?: string; status?: number },
): FastifyReply {
  const { body, etag } = typeof document.body === 'string' ? encodeDocument(document.body) : document.body;
  reply.header('Content-Type', `${document.contentType}; charset=utf-8`);
  reply.header('Cache-Control', document.cacheControl ?? `public, max-age=${document.maxAgeSeconds ?? 0}`);
  reply.header('ETag', etag);
  if (document.lastModified) reply.header('Last-Modified', document.lastModified.toUTCString());
  const status = document.status ?? 200;
  // A 304 keeps the headers above and has no body (Fastify sends no Content-Length for it).
  if (status === 200 && isFresh(req, reply)) return reply.code(304).send();
  return reply.code(status).send(body);
}

/** A plain 404 for a feed or sitemap that does not exist: crawlers and feed readers need the status, not a page. */
export function sendNotFound(reply: FastifyReply, what: string): FastifyReply {
  // Fastify sets the type as given, so the charset is spelled out.
  return reply.code(404).header('Cache-Control', 'no-cache').type('text/plain; charset=utf-8').send(`There is no ${what} here.\n`);
}

/**
 * `fresh` evaluates the conditions; the request's Cache-Control is left out because
 * `fresh` calls any request with "no-cache" stale, while
 * no-cache asks for validation by the origin, which a 304 is (RFC 9111 5.2.1.4). Fetch
 * clients add "Cache-Control: no-cache" to every request with conditional headers.
 */
function isFresh(req: FastifyRequest, reply: FastifyReply): boolean {
  const conditions = { 'if-none-match': req.headers['if-none-match'], 'if-modified-since': req.headers['if-modified-since'] };
  return fresh(conditions, { etag: reply.getHeader('ETag') as string, 'last-modified': reply.getHeader('Last-Modified') as string | undefined });
}

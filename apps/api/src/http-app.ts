import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import accepts from 'accepts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppModule } from './app.module.js';
import { encodeDocument, requestPath, sendCacheable, type EncodedDocument } from './common/http-cache.js';
import { MAX_REQUEST_BYTES } from './common/graphql-request-guard.js';
import { securityHeaders } from './common/security-headers.js';
import { defaultWebDistDir } from './common/web-build.js';
import type { AppConfig } from './config/app-config.js';
import { PagesService } from './modules/pages/pages.service.js';

export { defaultWebDistDir };

/**
 * The page tells the web app which hosts posts may load images from (the same list as the
 * CSP's img-src), so it shows an image from anywhere else as a link instead of a broken image.
 */
export function withImageHosts(html: string, imageHosts: readonly string[]): string {
  const content = imageHosts.join(' ').replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return html.replace('<head>', `<head><meta name="pc-image-hosts" content="${content}">`);
}

/**
 * A public page rendered on the server (modules/pages), or the client-rendered shell for a
 * member-only page or when rendering is not possible. Pages are revalidated on every use
 * (no-cache + ETag, so a reload costs a 304); one rendered for a signed-in member is private.
 */
async function sendPage(pages: PagesService, req: FastifyRequest, reply: FastifyReply, shell: { html: string; encoded: EncodedDocument }): Promise<void> {
  reply.header('Vary', 'Cookie');
  const path = requestPath(req);
  // One address per page: "/q/1/" is "/q/1" (the router would show the same page at both).
  if (path.length > 1 && path.endsWith('/')) {
    const query = req.url.slice(path.length);
    // Leading slashes collapse too: "//evil.example/" must not become a protocol-relative link.
    await reply.redirect(`/${path.replace(/^\/+|\/+$/g, '')}${query}`, 301);
    return;
  }
  const served = pages.isServerRendered(path) ? await pages.render(req, reply, shell.html) : null;
  if (served?.status === 301 && served.location) {
    await reply.redirect(served.location, 301);
    return;
  }
  await sendCacheable(req, reply, {
    contentType: 'text/html',
    body: served ? (served.encoded ?? served.html) : shell.encoded,
    status: served?.status ?? 200,
    cacheControl: served && !served.anonymous ? 'private, no-cache' : 'no-cache',
  });
}

/** Addresses that are documents or endpoints of their own, never the web app's pages: unknown ones answer Nest's 404. */
const NOT_PAGES = /^\/(graphql|graphiql|health|admin)(\/|$)|^\/(unsubscribe|email-confirmation|feeds|sitemaps)\/|^\/(robots\.txt|sitemap\.xml)$/;

/** Builds the HTTP application: security headers, GraphQL, health, and the web app's files with an SPA fallback. */
export async function createHttpApp(config: AppConfig, options: { logger?: false } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    // request.ip (and so every per-address rate limit) reads X-Forwarded-For only from the proxies
    // TRUST_PROXY names. The body limit admits the largest valid draft (graphql-request-guard.ts).
    // (A number counts hops: Fastify takes one, its types do not say so.)
    new FastifyAdapter({ trustProxy: config.trustProxy as boolean | string[], bodyLimit: MAX_REQUEST_BYTES }),
    {
      // Start-up chatter (every module and route) stays out of the way; warnings and errors do not.
      logger: options.logger === false ? false : ['warn', 'error'],
      bufferLogs: false,
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  const webDist = config.webDistDir ?? defaultWebDistDir();
  const indexHtml = join(webDist, 'index.html');
  const hasWebApp = existsSync(indexHtml);
  // First, so that every response (pages, files, GraphQL, health, errors, 404s) carries the headers.
  const headers = securityHeaders(config, hasWebApp ? readFileSync(indexHtml, 'utf8') : undefined);
  fastify.addHook('onRequest', (request, reply, done) => headers(requestPath(request), request.raw, reply.raw, (error) => done(error as Error | undefined)));
  // Pages, scripts, styles, GraphQL answers and feeds compress to a fraction (the page's
  // JavaScript is 900 KB as sent uncompressed): on a slow phone network that is most of
  // the time to first paint. A proxy in front may do it instead (README).
  await app.register(fastifyCompress, { global: true });
  await app.register(fastifyCookie);
  // Forms (the one-click unsubscribe) are small; JSON may carry a whole policy draft.
  app.useBodyParser('application/x-www-form-urlencoded', { bodyLimit: 16 * 1024 });
  // RFC 8058's one-click unsubscribe is posted as multipart/form-data by most mail clients; the
  // address carries everything (modules/digests), so the form is read (within a limit) and dropped.
  fastify.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 16 * 1024 }, (_req, _body, done) => done(null, {}));
  app.enableShutdownHooks();

  if (hasWebApp) {
    const html = withImageHosts(readFileSync(indexHtml, 'utf8'), config.imageHosts);
    const shell = { html, encoded: encodeDocument(html) };
    app.useStaticAssets({
      root: webDist,
      prefix: '/',
      index: false,
      // GraphiQL's own copy of the plugin (development) decorates the reply.
      decorateReply: false,
      // A route per built file, so that every other address is free for the pages below.
      wildcard: false,
      maxAge: '1h',
      // Vite names every built file under assets/ by its content: a new build is a new name,
      // so a browser may keep these for good and never ask again.
      // (@fastify/static hands over the reply; Nest's copy of its options types it as a raw response.)
      setHeaders: (res, path) => {
        if (/[\\/]assets[\\/]/.test(path)) (res as unknown as FastifyReply).header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
    const pages = app.get(PagesService);
    fastify.get('/*', async (req, reply) => {
      // Feeds, sitemaps, health and the rest are documents of their own, whatever the client accepts.
      if (NOT_PAGES.test(requestPath(req)) || !accepts(req.raw).type('html')) return reply.callNotFound();
      await sendPage(pages, req, reply, shell);
      return reply;
    });
  } else if (config.environment !== 'test') {
    new Logger('Web').warn(`No web build at ${webDist}; serving the API only. Run \`npm run build\` to build the web app.`);
  }
  return app;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AppModule } from './app.module.js';
import { sendCacheable } from './common/http-cache.js';
import { bodyErrorHandler, graphqlRequestGuard, MAX_REQUEST_BYTES } from './common/graphql-request-guard.js';
import { securityHeaders } from './common/security-headers.js';
import { TrustedDocuments, defaultTrustedDocumentsFile } from './common/trusted-documents.js';
import { defaultWebDistDir } from './common/web-build.js';
import type { AppConfig } from './config/app-config.js';
import { visitorQueriesReadFromReplicas } from './database/read-routing.js';
import { sessionTokenFrom } from './modules/accounts/session-cookie.js';
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
async function sendPage(pages: PagesService, req: Request, res: Response, shell: string): Promise<void> {
  res.setHeader('Vary', 'Cookie');
  // One address per page: "/q/1/" is "/q/1" (the router would show the same page at both).
  if (req.path.length > 1 && req.path.endsWith('/')) {
    const query = req.originalUrl.slice(req.path.length);
    // Leading slashes collapse too: "//evil.example/" must not become a protocol-relative link.
    res.redirect(301, `/${req.path.replace(/^\/+|\/+$/g, '')}${query}`);
    return;
  }
  const served = pages.isServerRendered(req.path) ? await pages.render(req, res, shell) : null;
  if (served?.status === 301 && served.location) {
    res.redirect(301, served.location);
    return;
  }
  sendCacheable(req, res, {
    contentType: 'text/html',
    body: served?.html ?? shell,
    status: served?.status ?? 200,
    cacheControl: served && !served.anonymous ? 'private, no-cache' : 'no-cache',
  });
}

/** Builds the HTTP application: security headers, GraphQL, health, and the web app's files with an SPA fallback. */
export async function createHttpApp(config: AppConfig, options: { logger?: false; trustedDocumentsFile?: string } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    // Start-up chatter (every module and route) stays out of the way; warnings and errors do not.
    logger: options.logger === false ? false : ['warn', 'error'],
    bufferLogs: false,
  });
  // req.ip (and so every per-address rate limit) reads X-Forwarded-For only from the proxies TRUST_PROXY names.
  app.set('trust proxy', config.trustProxy);
  const webDist = config.webDistDir ?? defaultWebDistDir();
  const indexHtml = join(webDist, 'index.html');
  const hasWebApp = existsSync(indexHtml);
  // First, so that every response (pages, files, GraphQL, health, errors) carries the headers.
  app.use(securityHeaders(config, hasWebApp ? readFileSync(indexHtml, 'utf8') : undefined));
  // Pages, scripts, styles, GraphQL answers and feeds compress to a fraction (the page's
  // JavaScript is 900 KB as sent uncompressed): on a slow phone network that is most of
  // the time to first paint. A proxy in front may do it instead (README).
  app.use(compression());
  app.use(cookieParser());
  // Our own parsers, registered before Nest's defaults would be (it then skips them): a
  // limit that admits the largest valid draft, and a JSON answer when a body exceeds it.
  app.useBodyParser('json', { limit: MAX_REQUEST_BYTES });
  app.useBodyParser('urlencoded', { limit: '16kb', extended: false });
  app.use(bodyErrorHandler());
  // Before Apollo: refuses what is too costly before any SQL runs (see query-limits.ts).
  const trusted = TrustedDocuments.load(options.trustedDocumentsFile ?? defaultTrustedDocumentsFile());
  app.use('/graphql', graphqlRequestGuard(() => app.get(GraphQLSchemaHost).schema, trusted));
  if (config.databaseReplicaUrls.length) app.use('/graphql', visitorQueriesReadFromReplicas((req) => sessionTokenFrom(req, config) !== undefined));
  app.enableShutdownHooks();

  if (hasWebApp) {
    const page = withImageHosts(readFileSync(indexHtml, 'utf8'), config.imageHosts);
    app.useStaticAssets(webDist, {
      index: false,
      maxAge: '1h',
      // Vite names every built file under assets/ by its content: a new build is a new name,
      // so a browser may keep these for good and never ask again.
      setHeaders: (res, path) => {
        if (/[\\/]assets[\\/]/.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      },
    });
    app.use((req: Request, res: Response, next: NextFunction) => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path.startsWith('/graphql') || req.path.startsWith('/health') || req.path.startsWith('/admin') || /^\/(unsubscribe|email-confirmation)\//.test(req.path)) return next();
      // Feeds and sitemaps (modules/feeds) are documents of their own, whatever the client accepts.
      if (/^\/(robots\.txt|sitemap\.xml)$|^\/(feeds|sitemaps)\//.test(req.path)) return next();
      if (!req.accepts('html')) return next();
      void sendPage(app.get(PagesService), req, res, page).catch(next);
    });
  } else if (config.environment !== 'test') {
    new Logger('Web').warn(`No web build at ${webDist}; serving the API only. Run \`npm run build\` to build the web app.`);
  }
  return app;
}

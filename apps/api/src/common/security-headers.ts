import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { AppConfig } from '../config/app-config.js';
import { QUEUE_DASHBOARD_PATH } from '../modules/digests/queue-dashboard.js';
import { HTML_PAGE_STYLE } from './html-page.js';

/** A CSP source expression allowing exactly this inline block. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * CSP hashes of the inline <script> and <style> blocks in the web app's index.html. Vite
 * emits none today (the entry is an external module), but should a plugin add one, it is
 * allowed by its hash instead of 'unsafe-inline'. Non-JavaScript script blocks (JSON data)
 * are never executed and need no hash.
 */
export function inlineHashes(indexHtml: string): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const match of indexHtml.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes, content] = match;
    if (/\bsrc\s*=/i.test(attributes) || !content.trim()) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && type !== 'module' && !type.includes('javascript')) continue;
    scripts.push(cspHash(content));
  }
  for (const match of indexHtml.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styles.push(cspHash(match[1]));
  return { scripts, styles };
}

const ONE_YEAR_SECONDS = 365 * 24 * 3600;

type Directives = Record<string, string[] | null>;

type HeaderSetter = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void;

function headers(config: AppConfig, directives: Directives): HeaderSetter {
  const https = config.publicUrl.startsWith('https:');
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...directives, upgradeInsecureRequests: https ? [] : null },
    },
    // Browsers without CSP frame-ancestors still honour this.
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // Only where the site is https: over plain http the header would be ignored, or worse, pin a
    // developer's localhost to https.
    strictTransportSecurity: https ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: true } : false,
  });
}

/**
 * helmet on every response the api sends: the web app, its files, GraphQL, health and the
 * api's own pages. The web app's CSP is strict: scripts and styles only from the site itself
 * (inline blocks by hash), images from the site and the operator's IMAGE_HOSTS only (so a
 * post cannot track its readers through images on another host), nothing may frame it.
 * Two paths get a looser style policy, never a looser script policy: the admins' queue
 * dashboard (Bull Board styles itself inline and loads its fonts from Google) and, in
 * development only, GraphiQL.
 */
export function securityHeaders(config: AppConfig, indexHtml: string | undefined): (path: string, req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void {
  const inline = indexHtml ? inlineHashes(indexHtml) : { scripts: [], styles: [] };
  const common: Directives = {
    defaultSrc: ["'self'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
    scriptSrcAttr: ["'none'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
  const strict = headers(config, {
    ...common,
    scriptSrc: ["'self'", ...inline.scripts],
    styleSrc: ["'self'", ...inline.styles, cspHash(HTML_PAGE_STYLE)],
    imgSrc: ["'self'", ...config.imageHosts],
  });
  const dashboard = headers(config, {
    ...common,
    baseUri: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
    fontSrc: ["'self'", 'https://fonts.gstatic.com'],
    imgSrc: ["'self'", 'data:'],
  });
  // Mercurius's GraphiQL page (/graphiql) loads React and GraphiQL from unpkg; it is served in development only.
  const graphiql =
    config.environment === 'development'
      ? headers(config, {
          ...common,
          scriptSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
          styleSrc: ["'self'", "'unsafe-inline'", 'https://unpkg.com'],
          imgSrc: ["'self'", 'data:'],
        })
      : strict;

  return (path, req, res, next) => {
    if (path === QUEUE_DASHBOARD_PATH || path.startsWith(`${QUEUE_DASHBOARD_PATH}/`)) return dashboard(req, res, next);
    if (path === '/graphiql' || path.startsWith('/graphiql/')) return graphiql(req, res, next);
    return strict(req, res, next);
  };
}

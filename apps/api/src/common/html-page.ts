import escapeHtml from 'escape-html';

/**
 * The few pages the api serves itself (unsubscribe, email confirmation). They use the web
 * app's layout and stylesheet (header with the way back into the site, <main>, footer), so a
 * person arriving from an email lands on the same site they signed up to. The one style
 * block is a fallback for an api running without a web build; it is allowed by its hash in
 * the Content-Security-Policy, so no inline style or script needs to be allowed in general,
 * and its :where() selectors weigh nothing against the site's own rules.
 */
export const HTML_PAGE_STYLE =
  ':where(body){margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1f2328}:where(.site-header-inner,.page,.site-footer){max-width:40rem;margin:0 auto;padding:1rem}:where(.skip-link){position:absolute;top:-10rem}:where(.skip-link:focus){top:.5rem}';

export const SITE_NAME = 'Policy Commons';

/** The Content-Type of these pages, whole: Fastify's reply.type() sends it as given. */
export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';

/**
 * A whole page: title, body HTML (trusted, built by the caller with escaped values) and the
 * web build's stylesheets (webStylesheets()).
 */
export function htmlPage(title: string, body: string, stylesheets: readonly string[] = []): string {
  const heading = escapeHtml(title);
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('');
  return (
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${heading} · ${SITE_NAME}</title>` +
    `${links}<style>${HTML_PAGE_STYLE}</style></head><body>` +
    `<a class="skip-link" href="#main-content">Skip to main content</a>` +
    `<header class="site-header"><div class="site-header-inner"><a class="brand" href="/">${SITE_NAME}</a>` +
    `<nav class="site-nav" aria-label="Main"><a href="/">Home</a><a href="/policies">Policies</a></nav></div></header>` +
    `<main class="page" id="main-content" tabindex="-1"><div class="narrow"><div class="card"><h1>${heading}</h1>${body}</div></div></main>` +
    `<footer class="site-footer">${SITE_NAME}: questions answered with the policy text that applies.</footer>` +
    `</body></html>`
  );
}

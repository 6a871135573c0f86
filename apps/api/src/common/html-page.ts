/**
 * The few pages the api serves itself (unsubscribe, email confirmation). Their one style
 * block is allowed by its hash in the Content-Security-Policy, so no inline style or script
 * needs to be allowed in general.
 */
export const HTML_PAGE_STYLE = 'body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}';

export function htmlPage(title: string, body: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title} · Policy Commons</title>` +
    `<style>${HTML_PAGE_STYLE}</style></head><body><h1>${title}</h1>${body}</body></html>`
  );
}

// Browsers ignore ASCII whitespace and control characters inside a scheme
// ("java\tscript:" still runs), so we strip them before reading it.
// eslint-disable-next-line no-control-regex
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

function schemeOf(url: string): string | null {
  const match = SCHEME.exec(url.replace(IGNORED_IN_SCHEME, ''));
  return match ? match[1].toLowerCase() : null;
}

/** http(s), mailto and scheme-less (relative, #fragment) URLs only. */
export function isSafeLinkUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === null || SAFE_SCHEMES.has(scheme);
}

/** Images may only come from http(s) or be relative. */
export function isSafeImageUrl(url: string): boolean {
  const scheme = schemeOf(url);
  return scheme === null || scheme === 'http' || scheme === 'https';
}

/** `policy:<slug>@<version>#<anchor>` references, which become citation chips later. */
export function isPolicyReference(url: string): boolean {
  return schemeOf(url) === 'policy';
}

/**
 * The hosts the operator lets posts load images from (IMAGE_HOSTS), as the api writes them
 * into the page; the site's own images are always allowed. The CSP enforces the same list,
 * so an image from anywhere else could only show as a broken image.
 */
export function pageImageHosts(): string[] {
  if (typeof document === 'undefined') return [];
  const content = document.querySelector('meta[name="pc-image-hosts"]')?.getAttribute('content') ?? '';
  return content.split(/\s+/).filter(Boolean);
}

function hostMatches(pattern: URL, wildcard: boolean, url: URL): boolean {
  if (pattern.protocol !== url.protocol || pattern.port !== url.port) return false;
  return wildcard ? url.hostname.endsWith(`.${pattern.hostname}`) : url.hostname === pattern.hostname;
}

/** Relative images and images from the site or an allowed host (`https://*.cdn.example.net` allows its subdomains). */
export function isAllowedImageUrl(url: string, imageHosts: readonly string[], siteOrigin: string): boolean {
  if (!isSafeImageUrl(url)) return false;
  let target: URL;
  try {
    target = new URL(url, siteOrigin);
  } catch {
    return false;
  }
  if (target.origin === new URL(siteOrigin).origin) return true;
  return imageHosts.some((host) => {
    const wildcard = host.includes('://*.');
    try {
      return hostMatches(new URL(host.replace('://*.', '://')), wildcard, target);
    } catch {
      return false;
    }
  });
}

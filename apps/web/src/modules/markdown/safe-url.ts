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

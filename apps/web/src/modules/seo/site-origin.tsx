import { createContext, useContext, type ReactNode } from 'react';

/**
 * The site's public origin ("https://forum.example"), from which canonical links and
 * structured data make absolute URLs. Crawlers read them from the server's HTML, where
 * there is no window, so the server provides its public URL; the browser falls back to
 * its own address.
 */
const SiteOriginContext = createContext<string | null>(null);

export function SiteOriginProvider({ value, children }: { value: string; children: ReactNode }) {
  // A trailing slash would double up when a path is appended ("https://forum.example//q/1").
  return <SiteOriginContext value={value.endsWith('/') ? value.slice(0, -1) : value}>{children}</SiteOriginContext>;
}

export function useSiteOrigin(): string {
  return useContext(SiteOriginContext) ?? (typeof window !== 'undefined' ? window.location.origin : '');
}

/** `path` on the site, absolute: what canonical links and schema.org URLs must be. */
export function absoluteUrl(origin: string, path: string): string {
  return `${origin}${path.startsWith('/') ? path : `/${path}`}`;
}

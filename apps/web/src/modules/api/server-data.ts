import type { NormalizedCacheObject } from '@apollo/client';

/** The element the server puts the page's data in: JSON, not a script, so the CSP need not allow inline scripts. */
export const SERVER_DATA_ID = 'pc-server-data';

export interface ServerData {
  state: NormalizedCacheObject;
  renderedAt: string;
}

/**
 * The JSON for the page, escaped so that no text in it (a post containing "</script>",
 * "<!--", or U+2028) can end the element or be read as markup.
 */
export function serialiseServerData(data: ServerData): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function readServerData(element: Element | null): ServerData | null {
  if (!element?.textContent) return null;
  try {
    const data = JSON.parse(element.textContent) as Partial<ServerData>;
    return data.state && typeof data.renderedAt === 'string' ? (data as ServerData) : null;
  } catch {
    // A broken payload only costs the fast start: the app renders and fetches as usual.
    return null;
  }
}

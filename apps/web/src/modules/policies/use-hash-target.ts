import { useLocation } from 'react-router';
import { useRendersServerHtml } from '../layout/use-renders-server-html';

/** The element id the URL's #fragment names ('' when none), for highlighting a deep-linked section. */
export function useHashTarget(): string {
  const { hash: locationHash } = useLocation();
  // A server never sees the #fragment, so a server-rendered page is hydrated without a
  // target (as the server drew it) and marks it in the render that follows: a different
  // class while hydrating would be kept from the server's HTML, not drawn.
  const hash = useRendersServerHtml() ? '' : locationHash;
  if (hash.length < 2) return '';
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

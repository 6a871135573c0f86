import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Scrolls to the element named by the URL's #fragment as soon as it is on the page: the
 * browser only does it on a full load, and our sections arrive after the first render,
 * sometimes in pieces (a policy page waits for its document and its version, in either
 * order), so the check runs after every render until the element has been found once for
 * this fragment. `ready` says the page's data has arrived at all.
 */
export function useScrollToHash(ready: boolean): void {
  const { hash, key } = useLocation();
  const landed = useRef<string | null>(null);
  useEffect(() => {
    const target = `${key}${hash}`;
    if (!ready || hash.length < 2 || landed.current === target) return;
    let id: string;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      id = hash.slice(1);
    }
    const element = document.getElementById(id);
    if (!element) return;
    landed.current = target;
    element.scrollIntoView({ block: 'start' });
  });
}

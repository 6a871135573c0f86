import { useEffect, useRef, type RefObject } from 'react';
import { useLocation, useNavigationType } from 'react-router';
import { moveFocusTo } from './move-focus';

/** How long a page may take to show its heading (a lazy chunk, then its data) before focus settles on <main>. */
const HEADING_WAIT_MS = 8_000;

function targetOfHash(hash: string): HTMLElement | null {
  if (hash.length < 2) return null;
  let id: string;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    id = hash.slice(1);
  }
  return document.getElementById(id);
}

/** A control that changes the address as it is used (a version picker, a filter) keeps focus: the person is still working with it. */
function isFormControl(element: Element | null): boolean {
  return element instanceof HTMLSelectElement || element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement;
}

/**
 * After a client-side navigation, focus goes where a screen reader user would look and a
 * keyboard user would continue: the new page's <h1> (read out on focus), or the element its
 * #fragment names, or the message saying it could not load, or <main> with the title
 * announced when the page shows none of these. The
 * first page load leaves focus alone, so the skip link stays the first Tab stop. A new page
 * (not Back/Forward) starts at the top unless its fragment names a place.
 */
export function useRouteFocus(main: RefObject<HTMLElement | null>, announce: (message: string) => void): void {
  const { pathname, hash, search } = useLocation();
  const navigationType = useNavigationType();
  const shown = useRef<{ place: string; search: string } | null>(null);

  useEffect(() => {
    const previous = shown.current;
    shown.current = { place: `${pathname}${hash}`, search };
    // The first load, or StrictMode running the effect twice.
    if (previous === null || (previous.place === shown.current.place && previous.search === search)) return undefined;
    const container = main.current;
    if (!container) return undefined;
    const kept = document.activeElement;
    if (previous.place === shown.current.place) {
      // Only the query changed (a filter, the next page of a list): the control that changed
      // it keeps focus, unless it went away with the old results.
      if (kept !== null && kept !== document.body) return undefined;
    } else if (navigationType !== 'POP' && hash.length < 2) {
      window.scrollTo(0, 0);
    }

    if (isFormControl(kept) && container.contains(kept)) {
      // Let the new page's <title> land before reading it out.
      const timer = window.setTimeout(() => announce(document.title), 0);
      return () => window.clearTimeout(timer);
    }

    let settled = false;
    const place = (): boolean => {
      if (settled) return true;
      // A page that could not load says so in place of its heading (ErrorState).
      const target = hash.length >= 2 ? targetOfHash(hash) : (container.querySelector<HTMLElement>('h1') ?? container.querySelector<HTMLElement>('[data-testid="error"]'));
      if (!target) return false;
      settled = true;
      moveFocusTo(target, { preventScroll: true });
      return true;
    };
    if (place()) return undefined;

    // The page is still loading: wait for its heading, unless the person moves on first.
    const observer = new MutationObserver(() => {
      if (place()) stop();
    });
    const giveUp = window.setTimeout(() => {
      if (!settled && (document.activeElement === document.body || document.activeElement === null)) {
        settled = true;
        moveFocusTo(container, { preventScroll: true });
        announce(document.title);
      }
      stop();
    }, HEADING_WAIT_MS);
    // A key or a click means the person has gone on without us (a dialog closing and giving
    // focus back to its button does not count).
    const onInput = () => {
      settled = true;
      stop();
    };
    function stop() {
      observer.disconnect();
      window.clearTimeout(giveUp);
      document.removeEventListener('keydown', onInput, true);
      document.removeEventListener('pointerdown', onInput, true);
    }
    observer.observe(container, { childList: true, subtree: true });
    document.addEventListener('keydown', onInput, true);
    document.addEventListener('pointerdown', onInput, true);
    return stop;
  }, [pathname, hash, search, navigationType, main, announce]);
}

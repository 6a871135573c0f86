import { useEffect, useRef } from 'react';
import { moveFocusTo } from './move-focus';

function ancestorsOf(element: Element): HTMLElement[] {
  const ancestors: HTMLElement[] = [];
  for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) ancestors.push(parent);
  return ancestors;
}

function isLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * A safety net for focus, for every control at once: when the focused button disables
 * itself while its request runs, focus goes back to it once it is enabled again; when the
 * focused control is replaced ("Accept" by the accepted badge, "Mark read" by nothing), focus
 * goes to the nearest part of the page that is still there. Without this the browser drops
 * focus to <body>, and the next Tab starts again at the top of the page.
 *
 * It acts only when focus really was lost: not after a click elsewhere or a Tab away (the
 * element is still usable then), not when the page changed (useRouteFocus places focus
 * then), and only after React's effects have run, so a component or dialog that places
 * focus itself goes first.
 */
export function useFocusRecovery(locationKey: string): void {
  const currentKey = useRef(locationKey);
  currentKey.current = locationKey;

  useEffect(() => {
    let last: { element: HTMLElement; ancestors: HTMLElement[]; key: string } | null = null;
    let scheduled = false;

    function onFocusIn(event: FocusEvent) {
      const element = event.target;
      last = element instanceof HTMLElement && element !== document.body ? { element, ancestors: ancestorsOf(element), key: currentKey.current } : null;
    }
    function onFocusOut(event: FocusEvent) {
      const element = event.target;
      // Left on purpose (a click on the page, a window switch): nothing to recover.
      if (event.relatedTarget === null && element instanceof HTMLElement && element.isConnected && !element.matches(':disabled')) last = null;
    }

    function recover() {
      scheduled = false;
      if (!last || !isLost()) return;
      if (last.key !== currentKey.current) {
        last = null;
        return;
      }
      const { element, ancestors } = last;
      if (element.isConnected) {
        // Still disabled: wait for it to be enabled again.
        if (!element.matches(':disabled')) element.focus({ preventScroll: true });
        return;
      }
      const survivor = ancestors.find((ancestor) => ancestor.isConnected);
      last = null;
      if (!survivor) return;
      moveFocusTo(survivor, { preventScroll: true });
    }

    const observer = new MutationObserver(() => {
      if (!last || scheduled || !isLost()) return;
      scheduled = true;
      // After this frame's effects: a component that moves focus itself has done so by then.
      requestAnimationFrame(() => window.setTimeout(recover, 0));
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled', 'hidden'] });
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    return () => {
      observer.disconnect();
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}

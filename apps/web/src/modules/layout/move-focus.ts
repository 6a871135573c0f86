/**
 * Moves focus to an element that is not a control (a posted answer, a region that replaced
 * a button): it becomes focusable for this once, and stops being so when focus leaves, so a
 * later click inside it does not outline it.
 */
export function moveFocusTo(element: HTMLElement | null | undefined, options?: FocusOptions): void {
  if (!element) return;
  if (!element.matches('a[href], button, input, select, textarea, summary, [tabindex]')) {
    element.setAttribute('tabindex', '-1');
    element.addEventListener('blur', () => element.removeAttribute('tabindex'), { once: true });
  }
  element.focus(options);
}

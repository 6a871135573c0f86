import { useEffect } from 'react';

const FIELDS = 'input:not([type="hidden"]), select, textarea';

function isShown(element: Element): boolean {
  return element instanceof HTMLElement && !element.hidden && element.getClientRects().length > 0 && (element.textContent ?? '').trim() !== '';
}

function isError(element: Element): boolean {
  return (element.getAttribute('role') === 'alert' || element.classList.contains('field-error')) && isShown(element);
}

/** A field marked invalid, or one whose description or label shows an error. */
function firstInvalidField(form: HTMLFormElement): HTMLElement | null {
  for (const field of form.querySelectorAll<HTMLElement>(FIELDS)) {
    if (field.getAttribute('aria-invalid') === 'true') return field;
    const descriptions = (field.getAttribute('aria-describedby') ?? '').split(/\s+/).flatMap((id) => (id ? [document.getElementById(id)] : []));
    if (descriptions.some((description) => description !== null && isError(description))) return field;
    // <label>Title <input> <FieldError/></label>: the error sits in the field's label.
    const label = field.closest('label');
    if (label && Array.from(label.querySelectorAll('[role="alert"], .field-error')).some(isError)) return field;
  }
  return null;
}

/** The form's message that belongs to no field (FormError), or any other alert it shows. */
function errorSummary(form: HTMLFormElement): HTMLElement | null {
  for (const alert of form.querySelectorAll<HTMLElement>('[role="alert"], .form-error')) if (isShown(alert)) return alert;
  return null;
}

/**
 * After a form is submitted and refused, focus goes to the first field in error, or to the
 * form's error message when no field is to blame, so the person hears what went wrong and
 * is where they can fix it. (A submit button that disabled itself while the request ran
 * gets focus back from useFocusRecovery when the form stays and nothing was wrong.)
 *
 * One listener for every form: each form renders its errors its own way, but all say which
 * field is wrong with aria-invalid or an error named by aria-describedby (FieldError).
 * Typing again ends the watch: errors shown while someone types must not pull them away.
 */
export function useFormErrorFocus(): void {
  useEffect(() => {
    let stopWatching: (() => void) | null = null;

    function watch(form: HTMLFormElement) {
      stopWatching?.();
      const settle = (): boolean => {
        if (!form.isConnected) return true;
        const field = firstInvalidField(form);
        const summary = field ? null : errorSummary(form);
        const target = field ?? summary;
        if (target) {
          if (!target.matches(FIELDS) && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
          target.focus();
          return true;
        }
        return false;
      };
      const observer = new MutationObserver(() => {
        if (settle()) stop();
      });
      const stop = () => {
        observer.disconnect();
        form.removeEventListener('input', stop);
        if (stopWatching === stop) stopWatching = null;
      };
      stopWatching = stop;
      observer.observe(form, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-invalid', 'hidden', 'class'] });
      form.addEventListener('input', stop);
    }

    function onSubmit(event: SubmitEvent) {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || form.method === 'dialog') return;
      watch(form);
    }
    document.addEventListener('submit', onSubmit);
    return () => {
      document.removeEventListener('submit', onSubmit);
      stopWatching?.();
    };
  }, []);
}

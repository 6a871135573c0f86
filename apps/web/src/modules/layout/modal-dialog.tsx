import { useEffect, useId, useRef, type ReactNode } from 'react';

const TABBABLE = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

interface ModalDialogProps {
  title: string;
  /** Called when the dialog closes by itself: Escape, a form with method="dialog", or a click outside it (lightDismiss). */
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** Added to "modal", e.g. to place a popover under the button that opened it. */
  className?: string;
  /** A click on the backdrop closes it, as a popover does. */
  lightDismiss?: boolean;
}

/**
 * A native modal <dialog>: the browser moves focus into it (to the first control, or the
 * one marked autoFocus), makes the page behind inert and closes it on Escape; Tab and
 * Shift+Tab wrap around inside it. Mount it to open it, unmount it to close it; focus goes back to whatever had it
 * before (the button that opened it), when that is still on the page and nothing else
 * took focus meanwhile (picking a citation puts the caret back in the editor; a link in
 * it opens another page, whose heading gets focus).
 */
export function ModalDialog({ title, onClose, children, testId, className, lightDismiss = false }: ModalDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return undefined;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // jsdom has no showModal; there the dialog is simply open.
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', '');
    }
    return () => {
      const focusWasInside = dialog.contains(document.activeElement) || document.activeElement === document.body || document.activeElement === null;
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      if (focusWasInside && opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby={titleId}
      // What showModal() already means, said for tools that read only the attribute.
      aria-modal="true"
      data-testid={testId}
      // The close event is queued: after StrictMode's unmount-and-remount the dialog is
      // open again by the time it arrives, and must stay open.
      onClose={() => {
        if (!dialogRef.current?.open) onCloseRef.current();
      }}
      onKeyDown={(event) => {
        // The page behind is inert, but Tab past the last control would leave for the
        // browser's own toolbar: it wraps around inside the dialog instead.
        const dialog = dialogRef.current;
        if (event.key !== 'Tab' || !dialog) return;
        const controls = Array.from(dialog.querySelectorAll<HTMLElement>(TABBABLE)).filter((control) => !control.matches(':disabled') && control.getClientRects().length > 0);
        if (controls.length === 0) return;
        const first = controls[0];
        const last = controls[controls.length - 1];
        const active = document.activeElement;
        if (event.shiftKey && (active === first || active === dialog)) {
          event.preventDefault();
          last.focus();
        } else if (!event.shiftKey && (active === last || active === dialog)) {
          event.preventDefault();
          first.focus();
        }
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the <dialog> itself, outside its box.
        const dialog = dialogRef.current;
        if (!lightDismiss || !dialog || event.target !== dialog) return;
        const box = dialog.getBoundingClientRect();
        const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
        if (!inside) dialog.close();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

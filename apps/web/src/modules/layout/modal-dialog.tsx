import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ModalDialogProps {
  title: string;
  /** Called when the dialog closes by itself: Escape, or a form with method="dialog". */
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}

/**
 * A native modal <dialog>: the browser moves focus into it, keeps Tab inside, makes the
 * page behind inert and closes it on Escape. Mount it to open it, unmount it to close it;
 * focus goes back to whatever had it before (the button that opened it), when that is
 * still on the page.
 */
export function ModalDialog({ title, onClose, children, testId }: ModalDialogProps) {
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
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="modal"
      aria-labelledby={titleId}
      data-testid={testId}
      // The close event is queued: after StrictMode's unmount-and-remount the dialog is
      // open again by the time it arrives, and must stay open.
      onClose={() => {
        if (!dialogRef.current?.open) onCloseRef.current();
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  );
}

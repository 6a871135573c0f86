import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { ModalDialog } from '../layout/modal-dialog';
import { FieldError, FormError } from '../layout/states';

export const REASON_MAX_LENGTH = 500;

interface ConfirmActionDialogProps {
  title: string;
  children?: ReactNode;
  /** Asks for a reason when given (e.g. "Reason, shown in the tombstone"). */
  reasonLabel?: string;
  reasonRequired?: boolean;
  confirmLabel: string;
  busyLabel: string;
  danger?: boolean;
  onConfirm: (reason: string | null) => Promise<unknown>;
  onClose: () => void;
  testId?: string;
}

/** A moderator's or author's action that needs a second look, and perhaps a reason. */
export function ConfirmActionDialog({ title, children, reasonLabel, reasonRequired = false, confirmLabel, busyLabel, danger = false, onConfirm, onClose, testId }: ConfirmActionDialogProps) {
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const ids = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const trimmed = reason.trim();
    if (reasonLabel && reasonRequired && trimmed === '') {
      setMissing(true);
      return;
    }
    setBusy(true);
    try {
      await onConfirm(reasonLabel && trimmed !== '' ? trimmed : null);
      onClose();
    } catch (error) {
      setFailure(summariseApiError(error));
      setBusy(false);
    }
  }

  const reasonError = missing ? 'Give a reason: it is kept in the moderation log.' : failure?.fieldErrors.reason;
  return (
    <ModalDialog title={title} onClose={onClose} testId={testId}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {children}
        <FormError summary={failure} />
        {reasonLabel ? (
          <label>
            {reasonRequired ? reasonLabel : `${reasonLabel} (optional)`}
            <textarea
              rows={2}
              value={reason}
              maxLength={REASON_MAX_LENGTH}
              required={reasonRequired}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? `${ids}-reason-error` : undefined}
              onChange={(event) => {
                setReason(event.target.value);
                setMissing(false);
              }}
              data-testid="action-reason"
            />
            <FieldError id={`${ids}-reason-error`} message={reasonError} />
          </label>
        ) : null}
        <div className="form-actions">
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy} data-testid="action-confirm">
            {busy ? busyLabel : confirmLabel}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

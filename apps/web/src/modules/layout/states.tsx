import type { ReactNode } from 'react';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="state state-loading" role="status" aria-live="polite" data-testid="loading">
      {label}
    </p>
  );
}

export function ErrorState({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  return (
    <div className="state state-error" role="alert" data-testid="error">
      <strong>{title}</strong>
      <p>{summariseApiError(error).message}</p>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

/** The part of a refused mutation that belongs to no field. */
export function FormError({ summary }: { summary: ApiErrorSummary | null }) {
  if (!summary?.formMessage) return null;
  return (
    <p className="form-error" role="alert" data-testid="form-error">
      {summary.formMessage}
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {message}
    </span>
  );
}

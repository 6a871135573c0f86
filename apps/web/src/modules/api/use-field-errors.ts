import { useState } from 'react';
import type { ApiErrorSummary } from './api-error';

/** Whether two field values are the same input (lists by their items). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, index) => Object.is(item, b[index]));
  return Object.is(a, b);
}

/**
 * A refused form's errors, each shown beside its field only while the field still holds
 * what was sent: once the person changes it (fixes it, presumably), its error goes, and
 * the others stay until their own fields change or the form is sent again.
 */
export function useFieldErrors<Values extends Record<string, unknown>>(values: Values) {
  const [refused, setRefused] = useState<{ summary: ApiErrorSummary; sent: Values } | null>(null);
  return {
    /** The whole refusal, for the message that belongs to no field (FormError). */
    failure: refused?.summary ?? null,
    /** Remember a refusal of `sent` (the values the request carried), or forget it with null. */
    refuse(summary: ApiErrorSummary | null, sent: Values = values) {
      setRefused(summary ? { summary, sent } : null);
    },
    /** The error for a field, or undefined once its value differs from what was refused; `apiField` when the api names it otherwise. */
    errorFor(field: keyof Values & string, apiField: string = field): string | undefined {
      if (!refused || !sameValue(refused.sent[field], values[field])) return undefined;
      return refused.summary.fieldErrors[apiField];
    },
  };
}

import { PASSWORD_MIN_LENGTH } from './account-deletion';

/** The password rule in words, and how far the typed password is from meeting it. */
export function passwordRuleText(length: number): string {
  if (length >= PASSWORD_MIN_LENGTH) return `At least ${PASSWORD_MIN_LENGTH} characters: done.`;
  const missing = PASSWORD_MIN_LENGTH - length;
  return `At least ${PASSWORD_MIN_LENGTH} characters${length === 0 ? '' : `: ${missing} more`}.`;
}

/** Shown under a new-password field from the start, so the rule is known before sending, not learned by failing it. */
export function PasswordRule({ id, password }: { id: string; password: string }) {
  const met = password.length >= PASSWORD_MIN_LENGTH;
  return (
    <span id={id} className={met ? 'hint password-rule met' : 'hint password-rule'} data-testid="password-rule" data-met={met ? 'true' : 'false'}>
      {passwordRuleText(password.length)}
    </span>
  );
}

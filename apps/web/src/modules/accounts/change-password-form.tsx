import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { FieldError, FormError } from '../layout/states';
import { PASSWORD_MIN_LENGTH } from './account-deletion';
import { changePasswordMutation } from './graphql/change-password.mutation';
import { PASSWORD_CHANGED_MESSAGE, passwordChangeProblem, type PasswordChangeField } from './password-change';

/** Settings → Account: a new password, after the current one; the API signs out every other session. */
export function ChangePasswordForm() {
  const [changePassword, { loading }] = useMutation(changePasswordMutation);
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [problem, setProblem] = useState<{ field: PasswordChangeField; message: string } | null>(null);
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const [changed, setChanged] = useState(false);
  const ids = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChanged(false);
    setFailure(null);
    const found = passwordChangeProblem({ currentPassword, newPassword, confirmation });
    setProblem(found);
    if (found) return;
    try {
      await changePassword({ variables: { input: { currentPassword, newPassword } } });
    } catch (error) {
      setFailure(summariseApiError(error));
      return;
    }
    setCurrentPassword('');
    setNewPassword('');
    setConfirmation('');
    setChanged(true);
  }

  const errorFor = (field: PasswordChangeField): string | undefined => (problem?.field === field ? problem.message : failure?.fieldErrors[field]);
  const described = (field: PasswordChangeField, hint?: string) => [hint, errorFor(field) ? `${ids}-${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  return (
    <section className="card" aria-labelledby={`${ids}-heading`} data-testid="change-password">
      <h2 id={`${ids}-heading`}>Change password</h2>
      <p className="hint">Changing it signs you out on every other device and browser; you stay signed in here.</p>
      {changed ? (
        <p className="notice" role="status" data-testid="change-password-done">
          {PASSWORD_CHANGED_MESSAGE}
        </p>
      ) : null}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <FormError summary={failure} />
        <label>
          Current password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.target.value)}
            aria-invalid={errorFor('currentPassword') ? true : undefined}
            aria-describedby={described('currentPassword')}
            data-testid="change-password-current"
          />
          <FieldError id={`${ids}-currentPassword-error`} message={errorFor('currentPassword')} />
        </label>
        <label>
          New password
          <input
            type="password"
            autoComplete="new-password"
            required
            minLength={PASSWORD_MIN_LENGTH}
            value={newPassword}
            onChange={(event) => setNewPassword(event.target.value)}
            aria-invalid={errorFor('newPassword') ? true : undefined}
            aria-describedby={described('newPassword', `${ids}-new-hint`)}
            data-testid="change-password-new"
          />
          <span className="hint" id={`${ids}-new-hint`}>
            At least {PASSWORD_MIN_LENGTH} characters.
          </span>
          <FieldError id={`${ids}-newPassword-error`} message={errorFor('newPassword')} />
        </label>
        <label>
          New password again
          <input
            type="password"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(event) => setConfirmation(event.target.value)}
            aria-invalid={errorFor('confirmation') ? true : undefined}
            aria-describedby={described('confirmation')}
            data-testid="change-password-confirmation"
          />
          <FieldError id={`${ids}-confirmation-error`} message={errorFor('confirmation')} />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={loading} data-testid="change-password-submit">
            {loading ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { FieldError, FormError } from '../layout/states';
import { newPasswordProblem, PASSWORD_MIN_LENGTH } from './account-deletion';
import { resetPasswordMutation } from './graphql/reset-password.mutation';

/** From the emailed link: choose a new password, and be signed in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [resetPassword, { loading }] = useMutation(resetPasswordMutation);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = newPasswordProblem(password, confirmation);
    if (problem) {
      setFailure({ message: problem.message, formMessage: null, fieldErrors: { [problem.field]: problem.message }, code: null });
      return;
    }
    setFailure(null);
    try {
      await resetPassword({ variables: { input: { token, newPassword: password } } });
    } catch (error) {
      setFailure(summariseApiError(error));
      return;
    }
    await client.resetStore().catch(() => undefined);
    await navigate('/', { state: { notice: 'Your password was changed and you are signed in.' } });
  }

  const passwordError = failure?.fieldErrors.password ?? failure?.fieldErrors.newPassword;
  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="reset-password-form" noValidate>
      <h1>Choose a new password</h1>
      <FormError summary={failure} />
      {failure?.fieldErrors.token ? (
        <p className="form-error" role="alert">
          {failure.fieldErrors.token} <Link to="/forgot-password">Ask for a new link</Link>.
        </p>
      ) : null}
      <label>
        New password
        <input type="password" autoComplete="new-password" required minLength={PASSWORD_MIN_LENGTH} value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby="reset-password-hint reset-password-error" data-testid="reset-password-new" />
        <span className="hint" id="reset-password-hint">
          At least {PASSWORD_MIN_LENGTH} characters.
        </span>
        <FieldError id="reset-password-error" message={passwordError} />
      </label>
      <label>
        The same again
        <input type="password" autoComplete="new-password" required value={confirmation} onChange={(event) => setConfirmation(event.target.value)} aria-describedby="reset-confirmation-error" data-testid="reset-password-confirmation" />
        <FieldError id="reset-confirmation-error" message={failure?.fieldErrors.confirmation} />
      </label>
      <button type="submit" className="primary" disabled={loading} data-testid="reset-password-submit">
        {loading ? 'Saving…' : 'Save and sign in'}
      </button>
      <p className="muted">
        Link expired or already used? <Link to="/forgot-password">Ask for a new one</Link>.
      </p>
    </form>
  );
}

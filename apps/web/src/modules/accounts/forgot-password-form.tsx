import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { FieldError, FormError } from '../layout/states';
import { requestPasswordResetMutation } from './graphql/request-password-reset.mutation';

/** The same answer whether or not the address has an account, so the form cannot be used to find out. */
export const RESET_REQUESTED_MESSAGE = 'If an account uses that address, we have sent it a link to choose a new password. The link works once; check your spam folder if it does not arrive.';

export function ForgotPasswordForm() {
  const [requestReset, { loading }] = useMutation(requestPasswordResetMutation);
  const [email, setEmail] = useState('');
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const trimmed = email.trim();
    if (trimmed === '') {
      setFailure({ message: 'Enter your email address.', formMessage: null, fieldErrors: { email: 'Enter your email address.' }, code: null });
      return;
    }
    try {
      await requestReset({ variables: { email: trimmed } });
      setSentTo(trimmed);
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="forgot-password-form" noValidate>
      <h1>Forgot your password?</h1>
      {sentTo ? (
        <p className="notice" role="status" data-testid="reset-requested">
          {RESET_REQUESTED_MESSAGE}
        </p>
      ) : (
        <p className="hint">Enter the address you signed up with and we will email you a link to choose a new password.</p>
      )}
      <FormError summary={failure} />
      <label>
        Email
        <input type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} aria-describedby="forgot-email-error" />
        <FieldError id="forgot-email-error" message={failure?.fieldErrors.email} />
      </label>
      <button type="submit" className="primary" disabled={loading} data-testid="forgot-password-submit">
        {loading ? 'Sending…' : sentTo ? 'Send the link again' : 'Send me a link'}
      </button>
      <p className="muted">
        Remembered it? <Link to="/signin">Sign in</Link>
      </p>
    </form>
  );
}

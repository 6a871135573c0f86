import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { summariseApiError } from '../api/api-error';
import { useFieldErrors } from '../api/use-field-errors';
import { FieldError, FormError } from '../layout/states';
import { signInMutation } from './graphql/sign-in.mutation';
import { safeReturnPath } from './return-path';

export function SignInForm({ returnTo }: { returnTo: string | null }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signIn, { loading }] = useMutation(signInMutation);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { failure, refuse, errorFor } = useFieldErrors({ email: email.trim(), password });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    refuse(null);
    try {
      await signIn({ variables: { input: { email: email.trim(), password } } });
    } catch (error) {
      refuse(summariseApiError(error));
      return;
    }
    // The session cookie is set now; refetch everything as the signed-in user.
    await client.resetStore().catch(() => undefined);
    await navigate(safeReturnPath(returnTo));
  }

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="sign-in-form" noValidate>
      <h1>Sign in</h1>
      <FormError summary={failure} />
      <label>
        Email
        <input type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} aria-describedby="sign-in-email-error" />
        <FieldError id="sign-in-email-error" message={errorFor('email')} />
      </label>
      <label>
        Password
        <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby="sign-in-password-error" />
        <FieldError id="sign-in-password-error" message={errorFor('password')} />
      </label>
      <Link to="/forgot-password" className="forgot-password" data-testid="forgot-password-link">
        Forgot your password?
      </Link>
      <button type="submit" className="primary" disabled={loading} data-testid="sign-in-submit">
        {loading ? 'Signing in…' : 'Sign in'}
      </button>
      <p className="muted">
        New here? <Link to="/signup">Create an account</Link>
      </p>
    </form>
  );
}

import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { summariseApiError } from '../api/api-error';
import { useFieldErrors } from '../api/use-field-errors';
import { FieldError, FormError } from '../layout/states';
import { signUpMutation } from './graphql/sign-up.mutation';
import { adoptBrowserTimeZone } from '../subscriptions/adopt-browser-time-zone';
import { PasswordRule } from './password-rule';
import { safeReturnPath } from './return-path';

export function SignUpForm({ returnTo }: { returnTo: string | null }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signUp, { loading }] = useMutation(signUpMutation);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const { failure, refuse, errorFor } = useFieldErrors({ email: email.trim(), displayName: displayName.trim(), password });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    refuse(null);
    try {
      await signUp({ variables: { input: { email: email.trim(), displayName: displayName.trim(), password } } });
    } catch (error) {
      refuse(summariseApiError(error));
      return;
    }
    await adoptBrowserTimeZone(client);
    await client.resetStore().catch(() => undefined);
    await navigate(safeReturnPath(returnTo));
  }

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="sign-up-form" noValidate>
      <h1>Create an account</h1>
      <FormError summary={failure} />
      <label>
        Email
        <input type="email" name="email" autoComplete="email" required value={email} onChange={(event) => setEmail(event.target.value)} aria-describedby="sign-up-email-error" />
        <FieldError id="sign-up-email-error" message={errorFor('email')} />
      </label>
      <label>
        Display name
        <input type="text" name="displayName" autoComplete="name" required value={displayName} onChange={(event) => setDisplayName(event.target.value)} aria-describedby="sign-up-name-error" />
        <FieldError id="sign-up-name-error" message={errorFor('displayName')} />
      </label>
      <label>
        Password
        <input type="password" name="password" autoComplete="new-password" required value={password} onChange={(event) => setPassword(event.target.value)} aria-describedby="sign-up-password-rule sign-up-password-error" />
        <PasswordRule id="sign-up-password-rule" password={password} />
        <FieldError id="sign-up-password-error" message={errorFor('password')} />
      </label>
      <button type="submit" className="primary" disabled={loading} data-testid="sign-up-submit">
        {loading ? 'Creating account…' : 'Sign up'}
      </button>
      <p className="muted">
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </form>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { ModalDialog } from '../layout/modal-dialog';
import { FieldError, FormError } from '../layout/states';
import { deletionProblem, ERASED_ON_DELETION, keptOnDeletion } from './account-deletion';
import { deleteMyAccountMutation } from './graphql/delete-my-account.mutation';

/** Settings → Account: what deleting erases and keeps, then a confirmation that asks for the password. */
export function DeleteAccount({ email }: { email: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="card danger-zone" aria-labelledby="delete-account-heading" data-testid="delete-account">
      <h2 id="delete-account-heading">Delete your account</h2>
      <p>Deleting the account of {email} erases:</p>
      <ul>
        {ERASED_ON_DELETION.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
      <p>
        You choose what happens to what you posted: by default {keptOnDeletion(false).join('; ')}. You can ask for your posts to be removed too.
      </p>
      <p>
        <strong>This cannot be undone.</strong> Nobody, not even an admin, can bring the account back.
      </p>
      <button type="button" className="danger" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="delete-account-open">
        Delete my account…
      </button>
      {open ? <DeleteAccountDialog onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

function DeleteAccountDialog({ onClose }: { onClose: () => void }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [deleteMyAccount, { loading }] = useMutation(deleteMyAccountMutation);
  const [password, setPassword] = useState('');
  const [removePosts, setRemovePosts] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const [problem, setProblem] = useState<{ field: 'password' | 'understood'; message: string } | null>(null);
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const ids = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found = deletionProblem({ password, understood });
    setProblem(found);
    if (found) return;
    try {
      await deleteMyAccount({ variables: { password, removePosts } });
    } catch (error) {
      setFailure(summariseApiError(error));
      return;
    }
    // The session is gone with the account: forget everything fetched as this person.
    await client.clearStore().catch(() => undefined);
    await navigate('/', { state: { notice: 'Your account was deleted. Thank you for taking part.' } });
    await client.resetStore().catch(() => undefined);
  }

  const passwordError = problem?.field === 'password' ? problem.message : failure?.fieldErrors.password;
  const understoodError = problem?.field === 'understood' ? problem.message : null;
  return (
    <ModalDialog title="Delete your account permanently?" onClose={onClose} testId="delete-account-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p>
          <strong>Your account is erased at once and cannot be restored.</strong>
        </p>
        <FormError summary={failure} />
        <label>
          Your password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={passwordError ? true : undefined}
            aria-describedby={passwordError ? `${ids}-password-error` : undefined}
            data-testid="delete-account-password"
          />
          <FieldError id={`${ids}-password-error`} message={passwordError} />
        </label>
        <label className="inline">
          <input type="checkbox" checked={removePosts} onChange={(event) => setRemovePosts(event.target.checked)} data-testid="delete-account-remove-posts" />
          Also remove my questions, answers and comments
        </label>
        <ul className="hint">
          {keptOnDeletion(removePosts).map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
        <label className="inline">
          <input
            type="checkbox"
            checked={understood}
            required
            onChange={(event) => setUnderstood(event.target.checked)}
            aria-invalid={understoodError ? true : undefined}
            aria-describedby={understoodError ? `${ids}-understood-error` : undefined}
            data-testid="delete-account-understood"
          />
          I understand this is permanent and cannot be undone
        </label>
        <FieldError id={`${ids}-understood-error`} message={understoodError} />
        <div className="form-actions">
          <button type="submit" className="danger" disabled={loading} data-testid="delete-account-submit">
            {loading ? 'Deleting…' : 'Delete my account'}
          </button>
          <button type="button" onClick={onClose}>
            Keep my account
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

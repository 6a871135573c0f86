import { useId, useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { ModalDialog } from '../layout/modal-dialog';
import { FormError } from '../layout/states';
import { signOutEverywhereMutation } from './graphql/sign-out-everywhere.mutation';

/** Said on the home page afterwards. */
export const SIGNED_OUT_EVERYWHERE_MESSAGE = 'You were signed out on every device and browser, this one included. Sign in again to continue.';

/** Settings → Account: ends every session, for a lost phone or a computer someone else uses. */
export function SignOutEverywhere() {
  const [open, setOpen] = useState(false);
  const ids = useId();
  return (
    <section className="card" aria-labelledby={`${ids}-heading`} data-testid="sign-out-everywhere">
      <h2 id={`${ids}-heading`}>Sign out everywhere</h2>
      <p>Signs you out on every device and browser where you are signed in, including this one. Use it if you lost a device or signed in on a computer someone else uses.</p>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="sign-out-everywhere-open">
        Sign out everywhere…
      </button>
      {open ? <SignOutEverywhereDialog onClose={() => setOpen(false)} /> : null}
    </section>
  );
}

function SignOutEverywhereDialog({ onClose }: { onClose: () => void }) {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOutEverywhere, { loading }] = useMutation(signOutEverywhereMutation);
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);

  async function confirm() {
    setFailure(null);
    try {
      await signOutEverywhere();
    } catch (error) {
      setFailure(summariseApiError(error));
      return;
    }
    // Everything cached was fetched as the signed-in person.
    await client.clearStore().catch(() => undefined);
    await navigate('/', { state: { notice: SIGNED_OUT_EVERYWHERE_MESSAGE } });
    await client.resetStore().catch(() => undefined);
  }

  return (
    <ModalDialog title="Sign out on every device?" onClose={onClose} testId="sign-out-everywhere-dialog">
      <p>Every device and browser signed in to your account is signed out, this one too. Your password stays the same.</p>
      <FormError summary={failure} />
      <div className="form-actions">
        <button type="button" className="primary" disabled={loading} onClick={() => void confirm()} data-testid="sign-out-everywhere-confirm">
          {loading ? 'Signing out…' : 'Sign out everywhere'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  );
}

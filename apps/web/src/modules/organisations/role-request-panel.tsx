import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import type { OrganisationQuery, OrganisationRole } from '../../generated/graphql';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { formatDate } from '../layout/format-date';
import { FieldError, FormError } from '../layout/states';
import { requestOrganisationRoleMutation } from './graphql/request-organisation-role.mutation';
import { withdrawOrganisationRoleRequestMutation } from './graphql/withdraw-organisation-role-request.mutation';
import { ORGANISATION_ROLES, organisationRoleLabel, requestableRoles } from './organisation-roles';

type Organisation = NonNullable<OrganisationQuery['organisation']>;

/** "Ask for a role": the form, or the request already waiting, with a way to withdraw it. */
export function RoleRequestPanel({ organisation, signedIn }: { organisation: Organisation; signedIn: boolean }) {
  const refetch = { refetchQueries: ['Organisation', 'MyOrganisationRoles'], awaitRefetchQueries: true };
  const [requestRole, requesting] = useMutation(requestOrganisationRoleMutation, refetch);
  const [withdraw, withdrawing] = useMutation(withdrawOrganisationRoleRequestMutation, refetch);
  const roles = requestableRoles(organisation.viewerRole);
  const [role, setRole] = useState<OrganisationRole | ''>('');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const [sent, setSent] = useState(false);

  if (!signedIn) {
    return (
      <section aria-labelledby="ask-for-role" className="card">
        <h2 id="ask-for-role">Ask for a role</h2>
        <p>
          <Link to={`/signin?next=${encodeURIComponent(`/o/${organisation.slug}`)}`}>Sign in</Link> to ask {organisation.name}’s admins for a role, for example to author its policies.
        </p>
      </section>
    );
  }

  const pending = organisation.viewerPendingRequest;
  if (pending) {
    return (
      <section aria-labelledby="ask-for-role" className="card" data-testid="pending-role-request">
        <h2 id="ask-for-role">Your request</h2>
        <p role="status">
          You asked to become <strong>{organisationRoleLabel(pending.role)}</strong> on {formatDate(pending.createdAt)}. The organisation’s admins will approve or decline it.
        </p>
        {pending.note ? <p className="muted">Your note: “{pending.note}”</p> : null}
        <FormError summary={failure} />
        <button
          type="button"
          disabled={withdrawing.loading}
          onClick={() => {
            setFailure(null);
            withdraw({ variables: { requestId: pending.id } }).catch((error: unknown) => setFailure(summariseApiError(error)));
          }}
          data-testid="withdraw-role-request"
        >
          {withdrawing.loading ? 'Withdrawing…' : 'Withdraw request'}
        </button>
      </section>
    );
  }
  if (roles.length === 0) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setSent(false);
    if (role === '') {
      setFailure({ message: 'Choose a role.', formMessage: null, fieldErrors: { role: 'Choose the role you are asking for.' }, code: null });
      return;
    }
    const trimmed = note.trim();
    try {
      await requestRole({ variables: { input: { organisationSlug: organisation.slug, role, note: trimmed === '' ? null : trimmed } } });
      setSent(true);
      setNote('');
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <form className="card form" aria-labelledby="ask-for-role" onSubmit={(event) => void submit(event)} noValidate data-testid="role-request-form">
      <h2 id="ask-for-role">Ask for a role</h2>
      <p className="hint">{organisation.name}’s admins decide. Say who you are there, so they can check.</p>
      {sent ? <p role="status">Request sent.</p> : null}
      <FormError summary={failure} />
      <label>
        Role
        <select value={role} onChange={(event) => setRole(event.target.value as OrganisationRole | '')} aria-describedby="role-request-role-error" data-testid="role-request-role">
          <option value="">Choose…</option>
          {ORGANISATION_ROLES.filter((option) => roles.includes(option.role)).map((option) => (
            <option key={option.role} value={option.role}>
              {option.label}: {option.description}
            </option>
          ))}
        </select>
        <FieldError id="role-request-role-error" message={failure?.fieldErrors.role} />
      </label>
      <label>
        Note for the admins (optional)
        <textarea rows={3} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} placeholder="e.g. I lead the communications team and maintain the social media policy." data-testid="role-request-note" />
        <FieldError id="role-request-note-error" message={failure?.fieldErrors.note} />
      </label>
      <button type="submit" className="primary" disabled={requesting.loading} data-testid="role-request-submit">
        {requesting.loading ? 'Sending…' : 'Send request'}
      </button>
    </form>
  );
}

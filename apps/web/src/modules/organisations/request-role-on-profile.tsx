import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { OrganisationRole } from '../../generated/graphql';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { formatDate } from '../layout/format-date';
import { ErrorState, FieldError, FormError, LoadingState } from '../layout/states';
import { myOrganisationRolesQuery } from './graphql/my-organisation-roles.query';
import { requestOrganisationRoleMutation } from './graphql/request-organisation-role.mutation';
import { ORGANISATION_ROLES, organisationRoleLabel, requestableRoles, roleRequestStatusLabel } from './organisation-roles';

/** On your own profile: your role requests, and asking an organisation for one. */
export function RequestRoleOnProfile() {
  const { data, error } = useQuery(myOrganisationRolesQuery);
  const [requestRole, { loading }] = useMutation(requestOrganisationRoleMutation, { refetchQueries: ['MyOrganisationRoles', 'UserProfile'], awaitRefetchQueries: true });
  const [organisationSlug, setOrganisationSlug] = useState('');
  const [role, setRole] = useState<OrganisationRole | ''>('');
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const [sent, setSent] = useState<string | null>(null);

  if (error && !data) return <ErrorState error={error} title="Could not load your role requests" />;
  if (!data?.me) return <LoadingState />;
  const me = data.me;
  const granted = new Map(me.organisationRoles.map((membership) => [membership.organisation.slug, membership.role]));
  const roles = organisationSlug === '' ? requestableRoles(null) : requestableRoles(granted.get(organisationSlug));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setSent(null);
    const fieldErrors: Record<string, string> = {};
    if (organisationSlug === '') fieldErrors.organisationSlug = 'Choose an organisation.';
    if (role === '') fieldErrors.role = 'Choose the role you are asking for.';
    if (organisationSlug === '' || role === '') {
      setFailure({ message: Object.values(fieldErrors).join('\n'), formMessage: null, fieldErrors, code: null });
      return;
    }
    const trimmed = note.trim();
    try {
      await requestRole({ variables: { input: { organisationSlug, role, note: trimmed === '' ? null : trimmed } } });
      setSent(organisationSlug);
      setNote('');
      setRole('');
    } catch (requestError) {
      setFailure(summariseApiError(requestError));
    }
  }

  const sentTo = sent ? data.organisations.find((organisation) => organisation.slug === sent) : null;
  return (
    <section aria-labelledby="request-a-role" className="card">
      <h2 id="request-a-role">Request a role</h2>
      <p className="hint">To author an organisation’s policies, ask its admins for the policy author role. Declaring an affiliation does not give it.</p>
      {me.myRoleRequests.length > 0 ? (
        <ul className="link-list" data-testid="my-role-requests">
          {me.myRoleRequests.map((request) => (
            <li key={request.id} data-status={request.status}>
              {organisationRoleLabel(request.role)} at <Link to={`/o/${request.organisation.slug}`}>{request.organisation.name}</Link>: {roleRequestStatusLabel(request.status)}{' '}
              <span className="muted">({formatDate(request.createdAt)})</span>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="form compact" onSubmit={(event) => void submit(event)} noValidate data-testid="profile-role-request-form">
        {sentTo ? (
          <p role="status">
            Request sent to <Link to={`/o/${sentTo.slug}`}>{sentTo.name}</Link>.
          </p>
        ) : null}
        <FormError summary={failure} />
        <label>
          Organisation
          <select value={organisationSlug} onChange={(event) => setOrganisationSlug(event.target.value)} aria-describedby="profile-request-organisation-error" data-testid="profile-request-organisation">
            <option value="">Choose…</option>
            {data.organisations.map((organisation) => (
              <option key={organisation.id} value={organisation.slug}>
                {organisation.name}
              </option>
            ))}
          </select>
          <FieldError id="profile-request-organisation-error" message={failure?.fieldErrors.organisationSlug} />
        </label>
        <label>
          Role
          <select value={role} onChange={(event) => setRole(event.target.value as OrganisationRole | '')} aria-describedby="profile-request-role-error" data-testid="profile-request-role">
            <option value="">Choose…</option>
            {ORGANISATION_ROLES.filter((option) => roles.includes(option.role)).map((option) => (
              <option key={option.role} value={option.role}>
                {option.label}
              </option>
            ))}
          </select>
          <FieldError id="profile-request-role-error" message={failure?.fieldErrors.role} />
        </label>
        <label>
          Note for the admins (optional)
          <textarea rows={2} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={loading} data-testid="profile-request-submit">
            {loading ? 'Sending…' : 'Send request'}
          </button>
          {organisationSlug ? <Link to={`/o/${organisationSlug}`}>See the organisation’s page</Link> : null}
        </div>
      </form>
    </section>
  );
}

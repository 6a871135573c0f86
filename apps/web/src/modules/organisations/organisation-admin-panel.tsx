import { useId, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { OrganisationAdminQuery } from '../../generated/graphql';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { formatDate, formatDateTime } from '../layout/format-date';
import { EmptyState, ErrorState, FormError, LoadingState } from '../layout/states';
import { decideOrganisationRoleRequestMutation } from './graphql/decide-organisation-role-request.mutation';
import { organisationAdminQuery } from './graphql/organisation-admin.query';
import { describeRoleChange, organisationRoleLabel } from './organisation-roles';

type Admin = NonNullable<OrganisationAdminQuery['organisation']>;

/** For the organisation's admins: requests to decide, and the history of every role change. */
export function OrganisationAdminPanel({ slug }: { slug: string }) {
  const { data, error } = useQuery(organisationAdminQuery, { variables: { slug } });
  if (error && !data) return <ErrorState error={error} title="Could not load the requests and role history" />;
  if (!data?.organisation) return <LoadingState />;
  const admin = data.organisation;
  return (
    <>
      <section aria-labelledby="pending-requests">
        <h2 id="pending-requests">Requests waiting for you</h2>
        {admin.pendingRoleRequests.length === 0 ? (
          <EmptyState>No requests are waiting.</EmptyState>
        ) : (
          <ul className="request-list" data-testid="pending-role-requests">
            {admin.pendingRoleRequests.map((request) => (
              <RoleRequestItem key={request.id} request={request} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="role-history">
        <h2 id="role-history">Role history</h2>
        {admin.roleChanges.length === 0 ? (
          <EmptyState>No roles have been granted here yet.</EmptyState>
        ) : (
          <ol className="log-entries" data-testid="role-history">
            {admin.roleChanges.map((change) => (
              <li key={change.id} className="log-entry" data-testid="role-change">
                <p>
                  <Link to={`/u/${change.user.id}`}>{change.user.displayName}</Link>: {describeRoleChange(change)}
                </p>
                {change.reason ? <p>Reason: {change.reason}</p> : null}
                <p className="muted">
                  {change.actor ? (
                    <>
                      by <Link to={`/u/${change.actor.id}`}>{change.actor.displayName}</Link>
                    </>
                  ) : (
                    'by the system'
                  )}{' '}
                  · <time dateTime={change.createdAt}>{formatDateTime(change.createdAt)}</time>
                </p>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

function RoleRequestItem({ request }: { request: Admin['pendingRoleRequests'][number] }) {
  const [decide, { loading }] = useMutation(decideOrganisationRoleRequestMutation, { refetchQueries: ['OrganisationAdmin', 'Organisation'], awaitRefetchQueries: true });
  const [note, setNote] = useState('');
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const noteId = useId();

  async function decideWith(approve: boolean) {
    setFailure(null);
    const trimmed = note.trim();
    try {
      await decide({ variables: { input: { requestId: request.id, approve, note: trimmed === '' ? null : trimmed } } });
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <li className="card request" data-testid="role-request">
      <p>
        <Link to={`/u/${request.user.id}`}>{request.user.displayName}</Link> asks to become <strong>{organisationRoleLabel(request.role)}</strong>{' '}
        <span className="muted">on {formatDate(request.createdAt)}</span>
      </p>
      {request.note ? <blockquote className="excerpt">{request.note}</blockquote> : null}
      <FormError summary={failure} />
      <div className="form compact">
        <label htmlFor={noteId}>Note to {request.user.displayName} (optional)</label>
        <input id={noteId} type="text" value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} data-testid="decision-note" />
      </div>
      <div className="form-actions">
        <button type="button" className="primary" disabled={loading} onClick={() => void decideWith(true)} data-testid="approve-role-request">
          Approve<span className="visually-hidden"> {request.user.displayName}’s request</span>
        </button>
        <button type="button" disabled={loading} onClick={() => void decideWith(false)} data-testid="decline-role-request">
          Decline<span className="visually-hidden"> {request.user.displayName}’s request</span>
        </button>
      </div>
    </li>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import type { OrganisationQuery, OrganisationRole } from '../../generated/graphql';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { formatDate } from '../layout/format-date';
import { ModalDialog } from '../layout/modal-dialog';
import { EmptyState, FormError } from '../layout/states';
import { setOrganisationRoleMutation } from './graphql/set-organisation-role.mutation';
import { ORGANISATION_ROLES, organisationRoleLabel } from './organisation-roles';

type Member = NonNullable<OrganisationQuery['organisation']>['members'][number];

interface MemberListProps {
  organisationSlug: string;
  members: ReadonlyArray<Member>;
  canManage: boolean;
  viewerId: string | null;
}

export function MemberList({ organisationSlug, members, canManage, viewerId }: MemberListProps) {
  const [changing, setChanging] = useState<Member | null>(null);
  if (members.length === 0) return <EmptyState>Nobody holds a role here yet.</EmptyState>;
  return (
    <>
      <ul className="member-list" data-testid="organisation-members">
        {members.map((member) => (
          <li key={member.user.id} className="member" data-testid="organisation-member" data-role={member.role}>
            <span>
              <Link to={`/u/${member.user.id}`}>{member.user.displayName}</Link> <span className="role-badge">{organisationRoleLabel(member.role)}</span>
            </span>
            <span className="muted">since {formatDate(member.grantedAt)}</span>
            {canManage ? (
              <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setChanging(member)} data-testid="change-role">
                Change role<span className="visually-hidden"> of {member.user.displayName}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {changing ? <ChangeRoleDialog organisationSlug={organisationSlug} member={changing} isSelf={changing.user.id === viewerId} onClose={() => setChanging(null)} /> : null}
    </>
  );
}

const REVOKE = 'REVOKE';

function ChangeRoleDialog({ organisationSlug, member, isSelf, onClose }: { organisationSlug: string; member: Member; isSelf: boolean; onClose: () => void }) {
  const [setRole, { loading }] = useMutation(setOrganisationRoleMutation, { refetchQueries: ['OrganisationAdmin', 'Organisation'], awaitRefetchQueries: true });
  const [choice, setChoice] = useState<OrganisationRole | typeof REVOKE>(member.role);
  const [reason, setReason] = useState('');
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const trimmed = reason.trim();
    try {
      await setRole({ variables: { input: { organisationSlug, userId: member.user.id, role: choice === REVOKE ? null : choice, reason: trimmed === '' ? null : trimmed } } });
      onClose();
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <ModalDialog title={`Change ${member.user.displayName}’s role`} onClose={onClose} testId="change-role-dialog">
      <form className="form" onSubmit={(event) => void submit(event)}>
        <FormError summary={failure} />
        <label>
          Role
          <select value={choice} onChange={(event) => setChoice(event.target.value as OrganisationRole | typeof REVOKE)} data-testid="member-role">
            {ORGANISATION_ROLES.map((option) => (
              <option key={option.role} value={option.role}>
                {option.label}
              </option>
            ))}
            <option value={REVOKE}>No role (revoke)</option>
          </select>
        </label>
        {isSelf && choice !== 'ORG_ADMIN' ? <p className="hint">This is your own role: you may lose the right to manage roles here.</p> : null}
        <label>
          Reason (optional)
          <input type="text" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
          <span className="hint">Kept in the role history.</span>
        </label>
        <div className="form-actions">
          <button type="submit" className={choice === REVOKE ? 'danger' : 'primary'} disabled={loading || choice === member.role} data-testid="save-member-role">
            {loading ? 'Saving…' : choice === REVOKE ? 'Revoke role' : 'Save role'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../layout/states';
import { NotFound } from '../layout/not-found';
import { formatDateTime } from '../layout/format-date';
import { organisationRoleLabel } from '../organisations/organisation-roles';
import { RequestRoleOnProfile } from '../organisations/request-role-on-profile';
import { AffiliationsEditor } from './affiliations-editor';
import { UserActivity } from './user-activity';
import { userProfileQuery } from './graphql/user-profile.query';
import { useViewer } from './use-viewer';
import { PageTitle } from '../layout/page-title';
import { countLabel } from '../layout/count-label';
import { PageMeta } from '../seo/page-meta';
import { userPath } from '../seo/structured-data';

export function UserProfile({ userId }: { userId: string }) {
  const { data, error } = useQuery(userProfileQuery, { variables: { id: userId } });
  const { viewer } = useViewer();
  const [editing, setEditing] = useState(false);

  if (error) return <ErrorState error={error} title="Could not load this profile" />;
  if (!data) return <LoadingState />;
  if (!data.user) return <NotFound what="person" />;

  const user = data.user;
  const isOwnProfile = viewer?.user.id === user.id;
  const suspended = user.suspendedUntil && new Date(user.suspendedUntil).getTime() > Date.now() ? user.suspendedUntil : null;
  return (
    <section className="profile">
      <PageTitle title={user.displayName} />
      <PageMeta
        title={user.displayName}
        description={`${user.displayName} on Policy Commons: ${countLabel(user.questionCount, 'question')} asked, ${countLabel(user.answerCount, 'answer')} given, ${user.acceptedAnswerCount} of them accepted.`}
        path={userPath(user.id)}
      />
      <h1 data-testid="profile-name">{user.displayName}</h1>
      {isOwnProfile && viewer ? (
        <p className="muted">
          {viewer.email} · <Link to="/settings/notifications">Digest and follows</Link> · <Link to="/notifications">Notifications</Link> · <Link to="/settings/account">Account</Link>
        </p>
      ) : null}
      {suspended ? (
        <p className="status-banner suspended-banner" data-testid="profile-suspended">
          Suspended until {formatDateTime(suspended)}.
        </p>
      ) : null}
      <UserActivity user={user} />

      <h2>Roles in organisations</h2>
      <p className="hint">Granted by each organisation’s admins.</p>
      {user.organisationRoles.length === 0 ? (
        <p className="muted">No roles granted.</p>
      ) : (
        <ul className="affiliations" data-testid="organisation-roles">
          {user.organisationRoles.map((membership) => (
            <li key={membership.organisation.id}>
              <strong>{organisationRoleLabel(membership.role)}</strong> at <Link to={`/o/${membership.organisation.slug}`}>{membership.organisation.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {isOwnProfile ? <RequestRoleOnProfile /> : null}

      <h2>Declared affiliations</h2>
      <p className="hint">What {isOwnProfile ? 'you say about yourself' : 'they say about themselves'}, for conflicts of interest. Declared, not verified, and no rights come with them.</p>
      {user.affiliations.length === 0 ? (
        <p className="muted">No affiliations declared.</p>
      ) : (
        <ul className="affiliations" data-testid="affiliations">
          {user.affiliations.map((affiliation) => (
            <li key={`${affiliation.organisation.id}-${affiliation.role}`}>
              <strong>{affiliation.role}</strong> at <Link to={`/o/${affiliation.organisation.slug}`}>{affiliation.organisation.name}</Link> <span className="muted">(declared)</span>
            </li>
          ))}
        </ul>
      )}
      {isOwnProfile ? (
        editing ? (
          <AffiliationsEditor affiliations={user.affiliations} onDone={() => setEditing(false)} />
        ) : (
          <button type="button" onClick={() => setEditing(true)} data-testid="edit-affiliations">
            Edit affiliations
          </button>
        )
      ) : null}
    </section>
  );
}

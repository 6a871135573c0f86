import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../layout/states';
import { NotFound } from '../layout/not-found';
import { AffiliationsEditor } from './affiliations-editor';
import { userProfileQuery } from './graphql/user-profile.query';
import { useViewer } from './use-viewer';

export function UserProfile({ userId }: { userId: string }) {
  const { data, error } = useQuery(userProfileQuery, { variables: { id: userId } });
  const { viewer } = useViewer();
  const [editing, setEditing] = useState(false);

  if (error) return <ErrorState error={error} title="Could not load this profile" />;
  if (!data) return <LoadingState />;
  if (!data.user) return <NotFound what="person" />;

  const user = data.user;
  const isOwnProfile = viewer?.user.id === user.id;
  return (
    <section className="profile">
      <h1 data-testid="profile-name">{user.displayName}</h1>
      {isOwnProfile && viewer ? (
        <p className="muted">
          {viewer.email} · <Link to="/settings/notifications">Digest and follows</Link> · <Link to="/notifications">Notifications</Link>
        </p>
      ) : null}
      <h2>Affiliations</h2>
      {user.affiliations.length === 0 ? (
        <p className="muted">No affiliations declared.</p>
      ) : (
        <ul className="affiliations" data-testid="affiliations">
          {user.affiliations.map((affiliation) => (
            <li key={`${affiliation.organisation.id}-${affiliation.role}`}>
              <strong>{affiliation.role}</strong> at {affiliation.organisation.name}
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

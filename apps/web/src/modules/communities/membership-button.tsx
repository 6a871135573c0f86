import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { summariseApiError } from '../api/api-error';
import { useViewer } from '../accounts/use-viewer';
import { joinCommunityMutation } from './graphql/join-community.mutation';
import { leaveCommunityMutation } from './graphql/leave-community.mutation';

export function MembershipButton({ communityId, isMember }: { communityId: string; isMember: boolean }) {
  const { viewer } = useViewer();
  const location = useLocation();
  const [join, joining] = useMutation(joinCommunityMutation);
  const [leave, leaving] = useMutation(leaveCommunityMutation);
  const [message, setMessage] = useState<string | null>(null);

  if (!viewer) {
    return (
      <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`} className="button-link">
        Sign in to join
      </Link>
    );
  }

  async function toggle() {
    setMessage(null);
    try {
      if (isMember) await leave({ variables: { communityId } });
      else await join({ variables: { communityId } });
    } catch (error) {
      setMessage(summariseApiError(error).message);
    }
  }

  const busy = joining.loading || leaving.loading;
  return (
    <span className="membership">
      <button type="button" className={isMember ? undefined : 'primary'} onClick={() => void toggle()} disabled={busy} data-testid={isMember ? 'leave-community' : 'join-community'}>
        {isMember ? 'Leave community' : 'Join community'}
      </button>
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : null}
    </span>
  );
}

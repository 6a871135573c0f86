import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { summariseApiError } from '../api/api-error';
import { useViewer } from '../accounts/use-viewer';
import { myFollowsQuery } from '../subscriptions/graphql/my-follows.query';
import { joinCommunityMutation } from './graphql/join-community.mutation';
import { leaveCommunityMutation } from './graphql/leave-community.mutation';

/**
 * Joining and following are one step: joining makes you a member and follows the
 * community (the api does both), so its new questions reach your notifications and
 * digest; leaving stops both. A member may still unfollow to keep quiet (the Follow
 * button beside this one, shown to members).
 */
export function MembershipButton({ communityId, communityTitle, isMember }: { communityId: string; communityTitle: string; isMember: boolean }) {
  const { viewer } = useViewer();
  const location = useLocation();
  // Joining changes what the viewer follows: the Follow button (shown to members) reads it
  // from MyFollows, which is fetched again even when nothing shows it yet, so it is not stale.
  const followsChange = { refetchQueries: [{ query: myFollowsQuery }], awaitRefetchQueries: true };
  const [join, joining] = useMutation(joinCommunityMutation, followsChange);
  const [leave, leaving] = useMutation(leaveCommunityMutation, followsChange);
  const [message, setMessage] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (!viewer) {
    return (
      <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`} className="button-link">
        Sign in to join
      </Link>
    );
  }

  async function toggle() {
    setMessage(null);
    setDone(null);
    try {
      if (isMember) {
        await leave({ variables: { communityId } });
        setDone(`You left ${communityTitle} and no longer follow it.`);
      } else {
        await join({ variables: { communityId } });
        setDone(`You joined ${communityTitle}: its new questions now reach your notifications and digest.`);
      }
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
      {!isMember && !done ? <span className="hint">Members follow its new questions.</span> : null}
      <span className="membership-status" role="status" data-testid="membership-status">
        {done}
      </span>
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : null}
    </span>
  );
}

import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import type { FollowKind } from '../../generated/graphql';
import { useViewer } from '../accounts/use-viewer';
import { summariseApiError } from '../api/api-error';
import { followMutation } from './graphql/follow.mutation';
import { myFollowsQuery } from './graphql/my-follows.query';
import { unfollowMutation } from './graphql/unfollow.mutation';
import { isFollowing } from './follows';

interface FollowButtonProps {
  kind: FollowKind;
  /** What the API accepts as the target: an id, or a community, tag or document slug. */
  targetId: string;
  /** The target's id when targetId is a slug: follows list ids. */
  canonicalId?: string;
  /** The follow's label, for targets known only by slug (a tag's label is its slug). */
  label?: string;
  /** "this question", "this tag"… for the button's accessible name. */
  what: string;
}

/** Follow to get its activity in your digest and notifications. */
export function FollowButton({ kind, targetId, canonicalId, label, what }: FollowButtonProps) {
  const { viewer } = useViewer();
  const location = useLocation();
  const { data } = useQuery(myFollowsQuery, { skip: !viewer });
  const options = { refetchQueries: ['MyFollows'], awaitRefetchQueries: true };
  const [follow, following] = useMutation(followMutation, options);
  const [unfollow, unfollowing] = useMutation(unfollowMutation, options);
  const [message, setMessage] = useState<string | null>(null);

  if (!viewer) {
    return (
      <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`} className="button-link follow-button" data-testid="follow-sign-in">
        Sign in to follow
      </Link>
    );
  }

  const follows = data?.me?.follows ?? [];
  const followed = follows.find((candidate) => isFollowing([candidate], kind, [targetId, canonicalId]) || (label !== undefined && candidate.kind === kind && candidate.label === label));
  const active = followed !== undefined;
  const busy = following.loading || unfollowing.loading || !data;

  async function toggle() {
    // Busy, not disabled: a disabled button would drop keyboard focus to the page's start.
    if (busy) return;
    setMessage(null);
    try {
      const input = { kind, targetId: followed?.targetId ?? canonicalId ?? targetId };
      if (active) await unfollow({ variables: { input } });
      else await follow({ variables: { input } });
    } catch (error) {
      setMessage(summariseApiError(error).message);
    }
  }

  return (
    <span className="follow">
      {/* The name includes the visible words (WCAG 2.5.3), and aria-pressed says whether it is on. */}
      <button type="button" className={active ? 'follow-button following' : 'follow-button'} onClick={() => void toggle()} disabled={!data} aria-disabled={busy || undefined} aria-pressed={active} data-testid="follow-button" data-following={active ? 'true' : 'false'}>
        {active ? <span aria-hidden="true">✓ </span> : null}
        {active ? 'Following' : 'Follow'}
        <span className="visually-hidden"> {what}</span>
      </button>
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : null}
    </span>
  );
}

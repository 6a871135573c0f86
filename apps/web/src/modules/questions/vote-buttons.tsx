import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { VoteValue } from '../../generated/graphql';
import { summariseApiError } from '../api/api-error';
import { useViewer } from '../accounts/use-viewer';
import { voteMutation } from './graphql/vote.mutation';
import { nextVote } from './next-vote';

interface VoteButtonsProps {
  postType: 'Question' | 'Answer';
  postId: string;
  score: number;
  viewerVote: VoteValue;
  /** The post's author: they may not vote on it (the api refuses), so their buttons say so before any click. */
  authorId: string;
}

export function VoteButtons({ postType, postId, score, viewerVote, authorId }: VoteButtonsProps) {
  const { viewer } = useViewer();
  const [vote, { loading }] = useMutation(voteMutation);
  const [message, setMessage] = useState<string | null>(null);

  async function cast(clicked: 'UP' | 'DOWN') {
    // Busy, not disabled: a disabled button would drop keyboard focus to the page's start.
    if (loading) return;
    const value = nextVote(viewerVote, clicked);
    setMessage(null);
    try {
      await vote({
        variables: { input: { postId, value } },
        // The mutation returns only the new score; the vote itself is what we sent.
        update(cache, { data }) {
          if (!data) return;
          cache.modify({
            id: cache.identify({ __typename: postType, id: postId }),
            fields: { score: () => data.vote, viewerVote: () => value },
          });
        },
      });
    } catch (error) {
      setMessage(summariseApiError(error).message);
    }
  }

  const own = viewer !== null && viewer.user.id === authorId;
  const disabled = !viewer || own;
  // Disabled buttons say why: as their description, and for one's own post also in view.
  const hintId = `${postType.toLowerCase()}-${postId}-vote-hint`;
  const hint = !viewer ? 'Sign in to vote' : own ? `You cannot vote on your own ${postType.toLowerCase()}` : undefined;
  return (
    <div className="votes" data-testid={`${postType.toLowerCase()}-votes`}>
      <button type="button" className={viewerVote === 'UP' ? 'vote voted' : 'vote'} aria-pressed={viewerVote === 'UP'} aria-label="Vote up" aria-describedby={hint ? hintId : undefined} aria-disabled={loading || undefined} title={hint ?? 'This is useful'} disabled={disabled} onClick={() => void cast('UP')} data-testid="vote-up">
        ▲
      </button>
      <span className="score" aria-label="Score" data-testid="score">
        {score}
      </span>
      <button type="button" className={viewerVote === 'DOWN' ? 'vote voted' : 'vote'} aria-pressed={viewerVote === 'DOWN'} aria-label="Vote down" aria-describedby={hint ? hintId : undefined} aria-disabled={loading || undefined} title={hint ?? 'This is not useful'} disabled={disabled} onClick={() => void cast('DOWN')} data-testid="vote-down">
        ▼
      </button>
      {hint ? (
        <span className={own ? 'vote-hint' : 'visually-hidden'} id={hintId} data-testid="vote-hint">
          {hint}
        </span>
      ) : null}
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : null}
    </div>
  );
}

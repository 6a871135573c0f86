import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { FlagOutcome, ModerationQueueQuery } from '../../generated/graphql';
import { countLabel } from '../layout/count-label';
import { formatDateTime, formatRelative } from '../layout/format-date';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { ConfirmActionDialog } from './confirm-action-dialog';
import { flagReasonLabel } from './flag-reasons';
import { resolveFlagsMutation } from './graphql/resolve-flags.mutation';
import { moderationQueueQuery } from './graphql/moderation-queue.query';

type FlaggedPost = ModerationQueueQuery['moderationQueue'][number];

const KIND_NOUN = { QUESTION: 'question', ANSWER: 'answer', COMMENT: 'comment' } as const;

function postPath(post: FlaggedPost): string {
  return post.kind === 'ANSWER' ? `/q/${post.question.id}#answer-${post.postId}` : `/q/${post.question.id}`;
}

/** Flagged posts, most weighty first as the API orders them, each with its flags and the three outcomes. */
export function ModerationQueue({ communitySlug }: { communitySlug: string | null }) {
  const { data, error } = useQuery(moderationQueueQuery, { variables: { communitySlug } });
  if (error && !data) return <ErrorState error={error} title="Could not load the moderation queue" />;
  if (!data) return <LoadingState />;
  if (data.moderationQueue.length === 0) return <EmptyState>No flagged posts are waiting. Thank you for keeping an eye out.</EmptyState>;
  return (
    <ul className="flagged-posts" data-testid="moderation-queue">
      {data.moderationQueue.map((post) => (
        <FlaggedPostItem key={post.postId} post={post} showCommunity={communitySlug === null} />
      ))}
    </ul>
  );
}

function FlaggedPostItem({ post, showCommunity }: { post: FlaggedPost; showCommunity: boolean }) {
  const [resolveFlags] = useMutation(resolveFlagsMutation, { refetchQueries: ['ModerationQueue', 'ModerationLog'], awaitRefetchQueries: true });
  const [pending, setPending] = useState<FlagOutcome | null>(null);
  const noun = KIND_NOUN[post.kind];
  const hidden = post.visibility === 'HIDDEN';
  const headingId = `flagged-${post.postId}`;

  return (
    <li className="card flagged-post" data-testid="flagged-post" data-post-id={post.postId} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={postPath(post)} data-testid="flagged-post-link">
          {noun === 'question' ? 'Question' : noun === 'answer' ? 'An answer on' : 'A comment on'} “{post.question.title}”
        </Link>
      </h2>
      <p className="muted">
        by <Link to={`/u/${post.author.id}`}>{post.author.displayName}</Link>
        {showCommunity ? (
          <>
            {' '}
            in <Link to={`/c/${post.community.slug}`}>{post.community.title}</Link>
          </>
        ) : null}
        {' · '}
        <span data-testid="flag-weight">flag weight {post.flagWeight.toFixed(1)}</span>
        {hidden ? <span className="badge badge-warn">hidden</span> : null}
        {post.visibility === 'DELETED' ? <span className="badge badge-bad">deleted</span> : null}
        {post.reviewRequested ? <span className="badge">edited: review requested</span> : null}
      </p>
      <blockquote className="excerpt" data-testid="flagged-excerpt">
        {post.excerpt}
      </blockquote>
      <h3>{countLabel(post.flags.length, 'flag')}</h3>
      <ul className="flag-list">
        {post.flags.map((flag) => (
          <li key={flag.id} data-testid="flag">
            <strong>{flagReasonLabel(flag.reason)}</strong>
            {flag.note ? <> — “{flag.note}”</> : null}
            <span className="muted">
              {' '}
              {flag.flagger ? (
                <>
                  by <Link to={`/u/${flag.flagger.id}`}>{flag.flagger.displayName}</Link>{' '}
                </>
              ) : null}
              <time dateTime={flag.createdAt} title={formatDateTime(flag.createdAt)}>
                {formatRelative(flag.createdAt)}
              </time>
              {flag.status === 'PENDING' ? null : ` · ${flag.status === 'UPHELD' ? 'upheld' : 'dismissed'}`}
            </span>
          </li>
        ))}
      </ul>
      <div className="form-actions">
        <button type="button" aria-haspopup="dialog" onClick={() => setPending('HIDE')} data-testid="queue-hide">
          {hidden ? 'Keep hidden' : 'Hide'}
        </button>
        <button type="button" className="danger" aria-haspopup="dialog" onClick={() => setPending('DELETE')} data-testid="queue-delete">
          Delete
        </button>
        <button type="button" aria-haspopup="dialog" onClick={() => setPending('DISMISS')} data-testid="queue-dismiss">
          Dismiss flags
        </button>
      </div>
      {pending ? (
        <ConfirmActionDialog
          title={pending === 'HIDE' ? (hidden ? `Keep this ${noun} hidden` : `Hide this ${noun}`) : pending === 'DELETE' ? `Delete this ${noun}` : 'Dismiss these flags'}
          reasonLabel={pending === 'DELETE' ? 'Reason, shown in its place' : 'Reason, kept in the moderation log'}
          reasonRequired={pending === 'DELETE'}
          confirmLabel={pending === 'HIDE' ? (hidden ? 'Keep hidden' : 'Hide') : pending === 'DELETE' ? 'Delete' : 'Dismiss flags'}
          busyLabel="Saving…"
          danger={pending === 'DELETE'}
          onConfirm={(reason) => resolveFlags({ variables: { input: { postId: post.postId, outcome: pending, reason } } })}
          onClose={() => setPending(null)}
          testId="resolve-dialog"
        >
          <p className="hint">
            {pending === 'DISMISS'
              ? `The flags were not right${hidden ? ': the post is shown again' : ''}. This counts against the flaggers' standing.`
              : `The flags were right: this counts towards the flaggers' standing. ${pending === 'DELETE' ? 'Everyone sees “removed by a moderator” and your reason instead of the post.' : 'Only its author and moderators will see it.'}`}
          </p>
        </ConfirmActionDialog>
      ) : null}
    </li>
  );
}

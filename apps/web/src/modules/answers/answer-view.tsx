import { useRef, useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import type { AnswerFieldsFragment } from '../../generated/graphql';
import { summariseApiError } from '../api/api-error';
import { MoveCitationsPanel } from '../citations/move-citations-panel';
import { CommentThread } from '../comments/comment-thread';
import { formatDateTime, formatRelative } from '../layout/format-date';
import { MarkdownView } from '../markdown/markdown-view';
import { canReadRemovedPost, PostModerationControls, PostRemovalNotice } from '../moderation/post-moderation';
import { RevisionHistory } from '../questions/revision-history';
import { VoteButtons } from '../questions/vote-buttons';
import { AnswerEditForm } from './answer-edit-form';
import { acceptAnswerMutation } from './graphql/accept-answer.mutation';
import { unacceptAnswerMutation } from './graphql/unaccept-answer.mutation';

interface AnswerViewProps {
  answer: AnswerFieldsFragment;
  viewerIsAsker: boolean;
  viewerId: string | null;
  /** The question is locked: no new comments. */
  commentsLocked: boolean;
}

export function AnswerView({ answer, viewerIsAsker, viewerId, commentsLocked }: AnswerViewProps) {
  const [acceptAnswer, accepting] = useMutation(acceptAnswerMutation);
  const [unacceptAnswer, unaccepting] = useMutation(unacceptAnswerMutation);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const article = useRef<HTMLElement>(null);

  async function accept() {
    setMessage(null);
    try {
      await acceptAnswer({ variables: { answerId: answer.id } });
    } catch (error) {
      setMessage(summariseApiError(error).message);
      return;
    }
    // The button gives way to the badge and the answer moves to the top: focus follows it there.
    requestAnimationFrame(() => article.current?.querySelector<HTMLElement>('[data-testid="accepted-badge"]')?.focus());
  }

  async function unaccept() {
    setMessage(null);
    try {
      await unacceptAnswer({ variables: { answerId: answer.id } });
    } catch (error) {
      setMessage(summariseApiError(error).message);
      return;
    }
    // The button gives way to "Accept this answer" again: focus stays on that control.
    requestAnimationFrame(() => article.current?.querySelector<HTMLElement>('[data-testid="accept-answer"]')?.focus());
  }

  const viewerIsAuthor = viewerId === answer.author.id;
  const visible = answer.moderation.visibility === 'VISIBLE';
  const bodyReadable = canReadRemovedPost(answer.moderation, viewerIsAuthor);
  const classes = ['post', 'answer', answer.isAccepted ? 'accepted' : '', visible ? '' : 'removed'].filter(Boolean).join(' ');
  return (
    <article ref={article} className={classes} id={`answer-${answer.id}`} data-testid="answer" data-accepted={answer.isAccepted ? 'true' : 'false'} data-visibility={answer.moderation.visibility}>
      {/* Notifications link to #a-<id>; search results and our own links use #answer-<id>. */}
      <span id={`a-${answer.id}`} className="anchor-alias" aria-hidden="true" />
      {bodyReadable ? <VoteButtons postType="Answer" postId={answer.id} score={answer.score} viewerVote={answer.viewerVote} authorId={answer.author.id} /> : null}
      <div className="post-main">
        {answer.isAccepted ? (
          <p className="accepted-badge" tabIndex={-1} data-testid="accepted-badge">
            ✓ Accepted answer
          </p>
        ) : null}
        <PostRemovalNotice noun="answer" moderation={answer.moderation} viewerIsAuthor={viewerIsAuthor} />
        {editing ? (
          <AnswerEditForm answerId={answer.id} body={answer.body} onDone={() => setEditing(false)} />
        ) : bodyReadable ? (
          <MarkdownView source={answer.body} citations={answer.citations} testId="answer-body" />
        ) : null}
        <div className="post-meta">
          <span className="muted">
            Answered by <Link to={`/u/${answer.author.id}`}>{answer.author.displayName}</Link>{' '}
            <time dateTime={answer.createdAt} title={formatDateTime(answer.createdAt)}>
              {formatRelative(answer.createdAt)}
            </time>
          </span>
          {viewerIsAsker && answer.isAccepted ? (
            <button type="button" className="link-button" onClick={() => void unaccept()} disabled={unaccepting.loading} data-testid="unaccept-answer">
              {unaccepting.loading ? 'Taking back…' : 'Unaccept'}
            </button>
          ) : null}
          {viewerIsAsker && !answer.isAccepted && visible ? (
            <button type="button" onClick={() => void accept()} disabled={accepting.loading} data-testid="accept-answer">
              {accepting.loading ? 'Accepting…' : 'Accept this answer'}
            </button>
          ) : null}
          {viewerIsAuthor && answer.moderation.viewerCanEdit && !editing ? (
            <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="edit-answer">
              Edit
            </button>
          ) : null}
          <PostModerationControls postId={answer.id} noun="answer" moderation={answer.moderation} viewerIsAuthor={viewerIsAuthor} />
        </div>
        {viewerIsAuthor && visible && !editing ? <MoveCitationsPanel answerId={answer.id} citations={answer.citations} /> : null}
        {message ? (
          <p className="form-error" role="alert">
            {message}
          </p>
        ) : null}
        {bodyReadable ? <RevisionHistory revisions={answer.revisions} /> : null}
        <CommentThread postId={answer.id} comments={answer.comments} locked={commentsLocked || !visible} />
      </div>
    </article>
  );
}

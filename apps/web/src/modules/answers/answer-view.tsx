import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import type { AnswerFieldsFragment } from '../../generated/graphql';
import { summariseApiError } from '../api/api-error';
import { MoveCitationsPanel } from '../citations/move-citations-panel';
import { CommentThread } from '../comments/comment-thread';
import { formatDateTime, formatRelative } from '../layout/format-date';
import { MarkdownView } from '../markdown/markdown-view';
import { RevisionHistory } from '../questions/revision-history';
import { VoteButtons } from '../questions/vote-buttons';
import { AnswerEditForm } from './answer-edit-form';
import { acceptAnswerMutation } from './graphql/accept-answer.mutation';

interface AnswerViewProps {
  answer: AnswerFieldsFragment;
  viewerIsAsker: boolean;
  viewerId: string | null;
}

export function AnswerView({ answer, viewerIsAsker, viewerId }: AnswerViewProps) {
  const [acceptAnswer, accepting] = useMutation(acceptAnswerMutation);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function accept() {
    setMessage(null);
    try {
      await acceptAnswer({ variables: { answerId: answer.id } });
    } catch (error) {
      setMessage(summariseApiError(error).message);
    }
  }

  return (
    <article className={answer.isAccepted ? 'post answer accepted' : 'post answer'} id={`answer-${answer.id}`} data-testid="answer" data-accepted={answer.isAccepted ? 'true' : 'false'}>
      {/* Notifications link to #a-<id>; search results and our own links use #answer-<id>. */}
      <span id={`a-${answer.id}`} className="anchor-alias" aria-hidden="true" />
      <VoteButtons postType="Answer" postId={answer.id} score={answer.score} viewerVote={answer.viewerVote} />
      <div className="post-main">
        {answer.isAccepted ? (
          <p className="accepted-badge" data-testid="accepted-badge">
            ✓ Accepted answer
          </p>
        ) : null}
        {editing ? <AnswerEditForm answerId={answer.id} body={answer.body} onDone={() => setEditing(false)} /> : <MarkdownView source={answer.body} citations={answer.citations} testId="answer-body" />}
        <div className="post-meta">
          <span className="muted">
            Answered by <Link to={`/u/${answer.author.id}`}>{answer.author.displayName}</Link>{' '}
            <time dateTime={answer.createdAt} title={formatDateTime(answer.createdAt)}>
              {formatRelative(answer.createdAt)}
            </time>
          </span>
          {viewerIsAsker && !answer.isAccepted ? (
            <button type="button" onClick={() => void accept()} disabled={accepting.loading} data-testid="accept-answer">
              {accepting.loading ? 'Accepting…' : 'Accept this answer'}
            </button>
          ) : null}
          {viewerId === answer.author.id && !editing ? (
            <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="edit-answer">
              Edit
            </button>
          ) : null}
        </div>
        {viewerId === answer.author.id && !editing ? <MoveCitationsPanel answerId={answer.id} citations={answer.citations} /> : null}
        {message ? (
          <p className="form-error" role="alert">
            {message}
          </p>
        ) : null}
        <RevisionHistory revisions={answer.revisions} />
        <CommentThread postId={answer.id} comments={answer.comments} />
      </div>
    </article>
  );
}

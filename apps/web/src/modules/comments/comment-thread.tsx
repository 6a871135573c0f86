import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { CommentFieldsFragment } from '../../generated/graphql';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { useViewer } from '../accounts/use-viewer';
import { formatDateTime, formatRelative } from '../layout/format-date';
import { FieldError, FormError } from '../layout/states';
import { canReadRemovedPost, PostModerationControls, PostRemovalNotice } from '../moderation/post-moderation';
import { addCommentMutation } from './graphql/add-comment.mutation';
import { commentHistoryQuery } from './graphql/comment-history.query';
import { editCommentMutation } from './graphql/edit-comment.mutation';

interface CommentThreadProps {
  postId: string;
  comments: ReadonlyArray<CommentFieldsFragment>;
  /** No new comments: the question is locked, or the post is hidden or deleted. */
  locked?: boolean;
}

export function CommentThread({ postId, comments, locked = false }: CommentThreadProps) {
  const { viewer } = useViewer();
  const [open, setOpen] = useState(false);
  const viewerId = viewer?.user.id ?? null;
  return (
    <div className="comments" data-testid="comments">
      {comments.length > 0 ? (
        <ul>
          {comments.map((comment) => (
            <CommentItem key={comment.id} comment={comment} viewerIsAuthor={viewerId === comment.author.id} />
          ))}
        </ul>
      ) : null}
      {viewer && !locked ? (
        open ? (
          <AddCommentForm postId={postId} onDone={() => setOpen(false)} />
        ) : (
          <button type="button" className="link-button" onClick={() => setOpen(true)} data-testid="add-comment">
            Add a comment
          </button>
        )
      ) : null}
    </div>
  );
}

function CommentItem({ comment, viewerIsAuthor }: { comment: CommentFieldsFragment; viewerIsAuthor: boolean }) {
  const [editing, setEditing] = useState(false);
  const readable = canReadRemovedPost(comment.moderation, viewerIsAuthor);
  return (
    <li className={comment.moderation.visibility === 'VISIBLE' ? 'comment' : 'comment removed'} data-testid="comment" data-visibility={comment.moderation.visibility}>
      <PostRemovalNotice noun="comment" moderation={comment.moderation} viewerIsAuthor={viewerIsAuthor} />
      {readable && editing ? (
        <EditCommentForm comment={comment} onDone={() => setEditing(false)} />
      ) : readable ? (
        <>
          <span className="comment-body">{comment.body}</span> — <Link to={`/u/${comment.author.id}`}>{comment.author.displayName}</Link>{' '}
          <time className="muted" dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)}>
            {formatRelative(comment.createdAt)}
          </time>
          {comment.editedAt ? <CommentHistory comment={comment} editedAt={comment.editedAt} /> : null}
        </>
      ) : null}
      <span className="comment-tools">
        {readable && !editing && comment.moderation.viewerCanEdit ? (
          <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="edit-comment">
            Edit
          </button>
        ) : null}
        <PostModerationControls postId={comment.id} noun="comment" moderation={comment.moderation} viewerIsAuthor={viewerIsAuthor} />
      </span>
    </li>
  );
}

/** "edited", opening every earlier wording (read when opened): edits never overwrite what was said. */
function CommentHistory({ comment, editedAt }: { comment: CommentFieldsFragment; editedAt: string }) {
  const [open, setOpen] = useState(false);
  const { data, error } = useQuery(commentHistoryQuery, { variables: { id: comment.id }, skip: !open });
  const revisions = data?.comment?.revisions ?? [];
  return (
    <details className="comment-history" data-testid="comment-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className="muted">edited {formatRelative(editedAt)}</span>
      </summary>
      {error ? <span className="field-error">Could not load the earlier wordings.</span> : null}
      {open && !data && !error ? <span className="muted">Loading…</span> : null}
      <ol reversed>
        {[...revisions].reverse().map((revision) => (
          <li key={revision.revision}>
            {revision.body} <span className="muted">— {revision.editedBy.displayName}, <time dateTime={revision.editedAt}>{formatDateTime(revision.editedAt)}</time></span>
          </li>
        ))}
      </ol>
    </details>
  );
}

function EditCommentForm({ comment, onDone }: { comment: CommentFieldsFragment; onDone: () => void }) {
  const [editComment, { loading }] = useMutation(editCommentMutation);
  const [body, setBody] = useState(comment.body);
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    try {
      // The normalised cache updates the comment where it is shown (same id).
      await editComment({ variables: { input: { commentId: comment.id, body: body.trim() } } });
      onDone();
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <form className="form compact" onSubmit={(event) => void submit(event)} data-testid="edit-comment-form">
      <FormError summary={failure} />
      <label>
        Edit your comment
        <textarea rows={2} value={body} onChange={(event) => setBody(event.target.value)} required maxLength={2000} data-testid="edit-comment-body" />
        <FieldError id={`edit-comment-${comment.id}-error`} message={failure?.fieldErrors.body} />
      </label>
      <p className="hint">Earlier wordings stay in its history.</p>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading || body.trim() === '' || body.trim() === comment.body} data-testid="edit-comment-save">
          {loading ? 'Saving…' : 'Save edit'}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function AddCommentForm({ postId, onDone }: { postId: string; onDone: () => void }) {
  const [addComment, { loading }] = useMutation(addCommentMutation, { refetchQueries: ['QuestionDetail'], awaitRefetchQueries: true });
  const [body, setBody] = useState('');
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    try {
      await addComment({ variables: { input: { postId, body: body.trim() } } });
      setBody('');
      onDone();
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <form className="form compact" onSubmit={(event) => void submit(event)} data-testid="comment-form">
      <FormError summary={failure} />
      <label>
        Comment
        <textarea rows={2} value={body} onChange={(event) => setBody(event.target.value)} required />
        <FieldError id={`comment-${postId}-error`} message={failure?.fieldErrors.body} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading || body.trim() === ''} data-testid="comment-submit">
          {loading ? 'Posting…' : 'Post comment'}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

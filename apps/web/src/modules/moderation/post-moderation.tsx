import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { PostModerationFieldsFragment } from '../../generated/graphql';
import { summariseApiError } from '../api/api-error';
import { ConfirmActionDialog } from './confirm-action-dialog';
import { FlagControl } from './flag-dialog';
import { deletePostMutation } from './graphql/delete-post.mutation';
import { hidePostMutation } from './graphql/hide-post.mutation';
import { restorePostMutation } from './graphql/restore-post.mutation';
import { removedPostNotice, type PostNoun } from './post-visibility';

/** Whether the viewer may read a hidden or deleted post's text (its author and moderators). */
export function canReadRemovedPost(moderation: PostModerationFieldsFragment, viewerIsAuthor: boolean): boolean {
  return moderation.visibility === 'VISIBLE' || viewerIsAuthor || moderation.viewerCanModerate;
}

/**
 * A hidden or deleted post's tombstone. For those who still see its text, the same
 * sentence heads it as a banner, with who else can read it and (for its author) how to
 * ask for a review.
 */
export function PostRemovalNotice({ noun, moderation, viewerIsAuthor }: { noun: PostNoun; moderation: PostModerationFieldsFragment; viewerIsAuthor: boolean }) {
  const notice = removedPostNotice(noun, moderation, viewerIsAuthor);
  if (!notice) return null;
  if (!canReadRemovedPost(moderation, viewerIsAuthor)) {
    return (
      <p className="tombstone" data-testid="tombstone" data-visibility={moderation.visibility}>
        {notice.tombstone}
      </p>
    );
  }
  return (
    <div className="removed-banner" role="note" data-testid="removed-banner" data-visibility={moderation.visibility}>
      <p>
        <strong>{notice.tombstone}</strong> {notice.audience}
      </p>
      {notice.reviewHint ? <p data-testid="review-hint">{notice.reviewHint}</p> : null}
    </div>
  );
}

type PendingAction = 'hide' | 'delete' | 'own-delete' | null;

interface PostModerationControlsProps {
  postId: string;
  noun: PostNoun;
  moderation: PostModerationFieldsFragment;
  viewerIsAuthor: boolean;
}

/** Flag for members; hide, delete and restore for moderators; delete for the author. */
export function PostModerationControls({ postId, noun, moderation, viewerIsAuthor }: PostModerationControlsProps) {
  const refetch = { refetchQueries: ['QuestionDetail', 'ModerationQueue'], awaitRefetchQueries: true };
  const [hidePost] = useMutation(hidePostMutation, refetch);
  const [deletePost] = useMutation(deletePostMutation, refetch);
  const [restorePost, restoring] = useMutation(restorePostMutation, refetch);
  const [pending, setPending] = useState<PendingAction>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { visibility } = moderation;

  async function restore() {
    setMessage(null);
    try {
      await restorePost({ variables: { postId } });
    } catch (error) {
      setMessage(summariseApiError(error).message);
    }
  }

  const moderatorActions = moderation.viewerCanModerate;
  const ownDelete = !moderatorActions && viewerIsAuthor && moderation.viewerCanDelete && visibility !== 'DELETED';
  return (
    <>
      <FlagControl postId={postId} noun={noun} viewerCanFlag={moderation.viewerCanFlag} viewerHasFlagged={moderation.viewerHasFlagged} />
      {moderatorActions && visibility === 'VISIBLE' ? (
        <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setPending('hide')} data-testid="hide-post">
          Hide
        </button>
      ) : null}
      {moderatorActions && visibility !== 'DELETED' ? (
        <button type="button" className="link-button danger-link" aria-haspopup="dialog" onClick={() => setPending('delete')} data-testid="delete-post">
          Delete
        </button>
      ) : null}
      {moderatorActions && visibility !== 'VISIBLE' ? (
        <button type="button" className="link-button" disabled={restoring.loading} onClick={() => void restore()} data-testid="restore-post">
          {restoring.loading ? 'Restoring…' : 'Restore'}
        </button>
      ) : null}
      {ownDelete ? (
        <button type="button" className="link-button danger-link" aria-haspopup="dialog" onClick={() => setPending('own-delete')} data-testid="delete-own-post">
          Delete
        </button>
      ) : null}
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : null}

      {pending === 'hide' ? (
        <ConfirmActionDialog
          title={`Hide this ${noun}`}
          reasonLabel="Reason, shown to its author and kept in the moderation log"
          confirmLabel="Hide"
          busyLabel="Hiding…"
          onConfirm={(reason) => hidePost({ variables: { input: { postId, reason } } })}
          onClose={() => setPending(null)}
          testId="hide-dialog"
        >
          <p className="hint">Only its author and moderators will see it. You can restore it later.</p>
        </ConfirmActionDialog>
      ) : null}
      {pending === 'delete' ? (
        <ConfirmActionDialog
          title={`Delete this ${noun}`}
          reasonLabel="Reason, shown in its place"
          reasonRequired
          confirmLabel="Delete"
          busyLabel="Deleting…"
          danger
          onConfirm={(reason) => deletePost({ variables: { input: { postId, reason } } })}
          onClose={() => setPending(null)}
          testId="delete-dialog"
        >
          <p className="hint">Everyone sees “removed by a moderator” and your reason instead of it. The text is kept for the record, and you can restore it.</p>
        </ConfirmActionDialog>
      ) : null}
      {pending === 'own-delete' ? (
        <ConfirmActionDialog
          title={`Delete your ${noun}?`}
          confirmLabel={`Delete my ${noun}`}
          busyLabel="Deleting…"
          danger
          onConfirm={() => deletePost({ variables: { input: { postId, reason: null } } })}
          onClose={() => setPending(null)}
          testId="delete-own-dialog"
        >
          <p>Others will see “deleted by its author” in its place. Moderators can still read it, for the record.</p>
        </ConfirmActionDialog>
      ) : null}
    </>
  );
}

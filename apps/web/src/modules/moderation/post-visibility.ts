import type { PostVisibility } from '../../generated/graphql';

export type PostNoun = 'question' | 'answer' | 'comment';

export interface PostModerationState {
  visibility: PostVisibility;
  /** Given to the author and moderators only. */
  removalReason?: string | null;
  reviewRequested: boolean;
  viewerCanEdit: boolean;
}

export interface RemovedPostNotice {
  /** What everyone reads in the post's place, e.g. "This answer was removed by a moderator: spam." */
  tombstone: string;
  /** For the author and moderators, who still see the text: who else can. */
  audience: string;
  /** For the author of a hidden post: how to have it looked at again. */
  reviewHint: string | null;
}

// The API may give the whole phrase ("removed by a moderator: spam", "deleted by its
// author", "hidden after flags from the community") or only the moderator's reason.
const WHOLE_PHRASE = /^(removed|deleted|hidden)\b/i;

function removalPhrase(visibility: PostVisibility, removalReason: string | null | undefined): string {
  const reason = removalReason?.trim() ?? '';
  if (reason === '') return visibility === 'DELETED' ? 'deleted' : 'hidden';
  if (WHOLE_PHRASE.test(reason)) return reason.charAt(0).toLowerCase() + reason.slice(1);
  return visibility === 'DELETED' ? `removed by a moderator: ${reason}` : `hidden by a moderator: ${reason}`;
}

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Null for a visible post; otherwise the tombstone and, for those who may still read it, a banner. */
export function removedPostNotice(noun: PostNoun, moderation: PostModerationState, viewerIsAuthor: boolean): RemovedPostNotice | null {
  if (moderation.visibility === 'VISIBLE') return null;
  const tombstone = sentence(`This ${noun} was ${removalPhrase(moderation.visibility, moderation.removalReason)}`);
  const audience = viewerIsAuthor ? 'Only you and the moderators can read it.' : 'Only its author and moderators can read it.';
  let reviewHint: string | null = null;
  if (viewerIsAuthor && moderation.visibility === 'HIDDEN') {
    reviewHint = moderation.reviewRequested
      ? 'You edited it, so the moderators will review it again.'
      : moderation.viewerCanEdit
        ? 'Edit it to fix what was wrong and the moderators will review it again.'
        : null;
  }
  return { tombstone, audience, reviewHint };
}

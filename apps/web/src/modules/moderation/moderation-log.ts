const ACTION_LABELS: Record<string, string> = {
  FLAG_HIDE: 'Hidden by flags',
  HIDE: 'Hidden',
  DELETE: 'Deleted',
  OWN_DELETE: 'Deleted by its author',
  RESTORE: 'Restored',
  DISMISS_FLAGS: 'Flags dismissed',
  CLOSE: 'Closed',
  REOPEN: 'Reopened',
  LOCK: 'Locked',
  UNLOCK: 'Unlocked',
  SUSPEND: 'Member suspended',
  UNSUSPEND: 'Suspension lifted',
  ERASE: 'Account erased',
};

/** "Flags dismissed" for DISMISS_FLAGS; an action the web does not know yet still reads. */
export function moderationActionLabel(action: string): string {
  const known = ACTION_LABELS[action];
  if (known) return known;
  const words = action.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

interface LogSubject {
  subjectKind: string;
  subjectId: string;
  question?: { id: string } | null;
  subjectUser?: { id: string } | null;
}

/** Where an entry's subject can be seen: the post within its question, or the member's profile. */
export function moderationSubjectPath(entry: LogSubject): string | null {
  switch (entry.subjectKind) {
    case 'USER':
      return entry.subjectUser ? `/u/${entry.subjectUser.id}` : null;
    case 'ANSWER':
      return entry.question ? `/q/${entry.question.id}#answer-${entry.subjectId}` : null;
    case 'QUESTION':
      return `/q/${entry.question?.id ?? entry.subjectId}`;
    default:
      return entry.question ? `/q/${entry.question.id}` : null;
  }
}

/** The queue and log of a community, or the site-wide ones. */
export function moderationPaths(communitySlug: string | null): { queue: string; log: string } {
  const base = communitySlug ? `/c/${encodeURIComponent(communitySlug)}/moderation` : '/moderation';
  return { queue: base, log: `${base}/log` };
}

/**
 * Where the header's "Moderation" link goes: site staff to the site-wide queue, a member
 * who moderates one community to its queue, several to the list of theirs; null for everyone else.
 */
export function moderationEntryPath(viewer: { role: string; moderatedCommunities: ReadonlyArray<{ slug: string }> } | null): string | null {
  if (!viewer) return null;
  if (viewer.role === 'ADMIN' || viewer.role === 'MODERATOR') return moderationPaths(null).queue;
  if (viewer.moderatedCommunities.length === 1) return moderationPaths(viewer.moderatedCommunities[0].slug).queue;
  return viewer.moderatedCommunities.length > 1 ? moderationPaths(null).queue : null;
}

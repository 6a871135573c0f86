import type { FollowKind } from '../../generated/graphql';

/** Whether one of the viewer's follows is this target (ids or slugs; unknown ones skipped). */
export function isFollowing(follows: readonly { kind: FollowKind; targetId: string }[], kind: FollowKind, targetIds: readonly (string | undefined)[]): boolean {
  const wanted = new Set(targetIds.filter((id): id is string => Boolean(id)));
  return follows.some((follow) => follow.kind === kind && wanted.has(follow.targetId));
}

const KIND_ORDER: FollowKind[] = ['COMMUNITY', 'TAG', 'QUESTION', 'POLICY_DOCUMENT'];
const KIND_HEADINGS: Record<FollowKind, string> = {
  COMMUNITY: 'Communities',
  TAG: 'Tags',
  QUESTION: 'Questions',
  POLICY_DOCUMENT: 'Policy documents',
};

/** Follows grouped by kind, in a fixed order, each group sorted by label; empty groups left out. */
export function groupFollows<T extends { kind: FollowKind; label: string }>(follows: readonly T[]): { kind: FollowKind; heading: string; follows: T[] }[] {
  return KIND_ORDER.map((kind) => ({
    kind,
    heading: KIND_HEADINGS[kind],
    follows: follows.filter((follow) => follow.kind === kind).sort((a, b) => a.label.localeCompare(b.label)),
  })).filter((group) => group.follows.length > 0);
}

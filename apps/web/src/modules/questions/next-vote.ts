import type { VoteValue } from '../../generated/graphql';

/** Clicking the arrow you already chose takes the vote back; the other arrow switches it. */
export function nextVote(current: VoteValue, clicked: 'UP' | 'DOWN'): VoteValue {
  return current === clicked ? 'NONE' : clicked;
}

/**
 * How much one member's flag counts towards hiding a post, after Discourse's flag
 * scores: members whose past flags moderators upheld are trusted more, those whose
 * flags were dismissed less, and brand-new accounts (the usual spam or grudge
 * accounts) half as much. Pure, so the numbers are tested without a database.
 */

/** Flags from distinct members whose weights add up to this hide the post at once. */
export const HIDE_THRESHOLD = 2;

const BASE = 1;
const PER_UPHELD = 0.25;
const MAX_UPHELD_BONUS = 1;
const PER_DISMISSED = 0.5;
const FLOOR = 0.25;
const NEW_ACCOUNT_HOURS = 24;

export interface FlaggerRecord {
  /** The flagger's earlier flags that moderators upheld. */
  upheld: number;
  /** The flagger's earlier flags that moderators dismissed. */
  dismissed: number;
  accountCreatedAt: Date;
  /** A moderator of the post's community (or site staff): their flag is the decision. */
  moderatesCommunity: boolean;
}

/** The flagger's standing: 1, +0.25 per upheld flag (at most +1), -0.5 per dismissed flag, never below 0.25. */
export function standing(record: Pick<FlaggerRecord, 'upheld' | 'dismissed'>): number {
  const bonus = Math.min(record.upheld * PER_UPHELD, MAX_UPHELD_BONUS);
  return Math.max(FLOOR, BASE + bonus - record.dismissed * PER_DISMISSED);
}

/** The weight a new flag carries, rounded as the flags table stores it (two decimals). */
export function flagWeight(record: FlaggerRecord, now: Date = new Date()): number {
  if (record.moderatesCommunity) return HIDE_THRESHOLD;
  const young = now.getTime() - record.accountCreatedAt.getTime() < NEW_ACCOUNT_HOURS * 3600 * 1000;
  const weight = standing(record) * (young ? 0.5 : 1);
  return Math.round(weight * 100) / 100;
}

/** Whether pending flags with these weights (one per member) hide the post. */
export const reachesThreshold = (weights: readonly number[]): boolean => weights.reduce((sum, w) => sum + w, 0) >= HIDE_THRESHOLD - 1e-9;

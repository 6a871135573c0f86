import type { EntityManager } from 'typeorm';

/** What moderation_log records; the table refuses UPDATE and DELETE, so an entry is for good. */
export type ModerationAction =
  | 'FLAG_HIDE'
  | 'HIDE'
  | 'DELETE'
  | 'OWN_DELETE'
  | 'RESTORE'
  | 'DISMISS_FLAGS'
  | 'CLOSE'
  | 'REOPEN'
  | 'LOCK'
  | 'UNLOCK'
  | 'SUSPEND'
  | 'UNSUSPEND'
  | 'ERASE';

export type ModerationSubjectKind = 'QUESTION' | 'ANSWER' | 'COMMENT' | 'USER';

export interface NewModerationLogEntry {
  /** The community the subject belongs to; null for people (suspensions, erasure). */
  communityId: string | null;
  /** Null when the forum acted by itself (flags reached the threshold). */
  actorId: string | null;
  action: ModerationAction;
  subjectKind: ModerationSubjectKind;
  subjectId: string;
  reason: string | null;
}

/**
 * Appends one entry in the caller's transaction, so an action and its record commit or
 * roll back together. A plain function rather than a service method, so that modules the
 * moderation module depends on (accounts: erasure) can record their actions too.
 */
export async function appendModerationLog(tx: EntityManager, entry: NewModerationLogEntry): Promise<void> {
  await tx.query(
    `INSERT INTO moderation_log (community_id, actor_id, action, subject_kind, subject_id, reason, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())`,
    [entry.communityId, entry.actorId, entry.action, entry.subjectKind, entry.subjectId, entry.reason?.slice(0, 1000) ?? null],
  );
}

/** The kinds of in-app notification; other modules (moderation) add theirs through `NotificationsService.notify`, outbox handlers (CITED_SECTION_CHANGED) with a `sourceKey`. */
export enum NotificationKind {
  NEW_ANSWER = 'NEW_ANSWER',
  ANSWER_ACCEPTED = 'ANSWER_ACCEPTED',
  NEW_COMMENT = 'NEW_COMMENT',
  CITED_SECTION_CHANGED = 'CITED_SECTION_CHANGED',
  /** A policy document you follow has a new version. */
  POLICY_VERSION_PUBLISHED = 'POLICY_VERSION_PUBLISHED',
  /** Your post was hidden after flags, or hidden or removed by a moderator (never says who flagged). */
  POST_HIDDEN = 'POST_HIDDEN',
  POST_REMOVED = 'POST_REMOVED',
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  message: string;
  /** A path on the site, e.g. `/q/<id>`; the public URL is added when read. */
  path: string;
  /**
   * What the notification is about, for notifications written by outbox handlers (e.g.
   * `cited-section:<version>:<citation>`): unique, so writing it again inserts nothing.
   */
  sourceKey?: string;
}

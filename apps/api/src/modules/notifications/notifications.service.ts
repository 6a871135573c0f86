import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { isUuid } from '../../common/ids.js';
import { InputValidationException } from '../../common/errors.js';
import { APP_CONFIG } from '../../config/config.module.js';
import type { AppConfig } from '../../config/app-config.js';
import { ERASED_DISPLAY_NAME } from '../accounts/accounts.service.js';
import { NotificationKind, type NewNotification } from './notification-kind.js';
import type { NotificationModel } from './notification.model.js';
import { insertNotifications } from './post-activity.js';

interface NotificationRow {
  id: string;
  kind: string;
  message: string;
  path: string;
  readAt: Date | null;
  createdAt: Date;
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The extension point for other modules (e.g. moderation: POST_HIDDEN): call it
   * with the transaction that made the change so the bell never shows what did not commit.
   */
  notify(tx: EntityManager, notifications: NewNotification[]): Promise<void> {
    return insertNotifications(tx, notifications);
  }

  /**
   * A post that was hidden or removed stops being news: notifications that point at it (for
   * a question, at anything on its page) are withdrawn, in the moderator's transaction. The
   * notices that tell its author what happened and why are kept.
   */
  async withdrawAbout(tx: EntityManager, post: { kind: 'QUESTION' | 'ANSWER' | 'COMMENT'; id: string }): Promise<void> {
    // Notification paths are /q/<question>[#a-<answer>|#c-<comment>] (see post-activity.ts).
    const paths = post.kind === 'QUESTION' ? [`/q/${post.id}`, `/q/${post.id}#%`] : [`/q/%#${post.kind === 'ANSWER' ? 'a' : 'c'}-${post.id}`];
    await tx.query(`DELETE FROM notifications WHERE path LIKE ANY($1::text[]) AND NOT (kind = ANY($2::text[]))`, [
      paths,
      [NotificationKind.POST_HIDDEN, NotificationKind.POST_REMOVED],
    ]);
  }

  async list(userId: string, unreadOnly: boolean, first: number): Promise<NotificationModel[]> {
    if (first < 1 || first > 100) throw new InputValidationException('first', 'Ask for between 1 and 100 notifications.');
    const rows = (await this.db.query(
      `SELECT id, kind, message, path, read_at AS "readAt", created_at AS "createdAt"
         FROM notifications WHERE user_id = $1 ${unreadOnly ? 'AND read_at IS NULL' : ''}
        ORDER BY created_at DESC, id DESC LIMIT $2`,
      [userId, first],
    )) as NotificationRow[];
    return rows.map((r) => ({ id: r.id, kind: r.kind, message: r.message, url: `${this.config.publicUrl}${r.path}`, read: r.readAt !== null, createdAt: r.createdAt }));
  }

  async unreadCount(userId: string): Promise<number> {
    const [row] = (await this.db.query('SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL', [userId])) as { n: number }[];
    return row.n;
  }

  /** Marks the given notifications (or all, when ids is null) read; returns how many changed. */
  async markRead(userId: string, ids: string[] | null | undefined): Promise<number> {
    if (ids && ids.some((id) => !isUuid(id))) throw new InputValidationException('ids', 'Those are not notification ids.');
    const result = (await this.db.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL ${ids ? 'AND id = ANY($2::uuid[])' : ''}`,
      ids ? [userId, ids] : [userId],
    )) as [unknown, number];
    return result[1];
  }

  /**
   * Erasure, inside its transaction: the person's own notifications go, and other people's
   * notifications that name them ("Dana answered your question …") name a deleted member
   * instead. Those link to the person's answers and comments, whose ids `postIds` holds.
   */
  async eraseUser(tx: EntityManager, person: { userId: string; displayName: string; postIds: readonly string[] }): Promise<void> {
    await tx.query('DELETE FROM notifications WHERE user_id = $1', [person.userId]);
    if (!person.postIds.length) return;
    await tx.query(
      `UPDATE notifications
          SET message = CASE WHEN starts_with(message, $2 || ' ') THEN $3 || substr(message, length($2) + 1)
                             ELSE regexp_replace(message, '^.*? (answered your question|commented on your) ', $3 || ' \\1 ') END
        WHERE kind = ANY($4::text[]) AND substring(path from '#[ac]-([0-9a-f-]{36})$') = ANY($1::text[])`,
      [person.postIds, person.displayName, ERASED_DISPLAY_NAME, [NotificationKind.NEW_ANSWER, NotificationKind.NEW_COMMENT]],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { checkPageSize, MAX_PAGE_SIZE } from '../../common/pagination.js';
import { confirmEmails } from './confirm-emails.js';
import type { NotificationSettingsInput } from './dto/subscriptions.input.js';
import { SubscriptionsException, SubscriptionsExceptionCode } from './subscriptions.exception.js';
import { DigestFrequency, FollowKind, type NotificationSettingsModel } from './subscriptions.model.js';

export const DEFAULT_TIME_ZONE = 'Europe/London';
export const DEFAULT_DIGEST_HOUR = 8;

const SETTINGS_COLUMNS = `digest_frequency AS "digestFrequency", digest_weekday AS "digestWeekday", digest_hour AS "digestHour",
  time_zone AS "timeZone", auto_watch AS "autoWatch", email_confirmed_at AS "emailConfirmedAt"`;

/** A row of follows: what the person follows, by kind and id (the owning module names it). */
export interface Follow {
  kind: FollowKind;
  targetId: string;
}

export function isIanaTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)+$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Follows and notification settings. A leaf: it knows targets only by kind and id, so the
 * communities module can call it while joining; finding a target by slug and naming it is
 * `FollowingService`'s (following.service.ts), which asks the modules that own them.
 */
@Injectable()
export class SubscriptionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The person follows the target (which the caller found); a follow that exists already becomes a chosen one. */
  async follow(userId: string, follow: Follow): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO notification_settings (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [userId]);
      // A click turns an automatic watch into a chosen one.
      await tx.query(
        `INSERT INTO follows (user_id, kind, target_id) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, kind, target_id) DO UPDATE SET automatic = false`,
        [userId, follow.kind, follow.targetId],
      );
    });
  }

  /**
   * Follows a community as part of joining it, in the joining transaction: members hear
   * about new questions without a second click. An existing follow is left as it is.
   */
  async followJoinedCommunity(tx: EntityManager, userId: string, communityId: string): Promise<void> {
    await tx.query('INSERT INTO notification_settings (user_id) VALUES ($1) ON CONFLICT (user_id) DO NOTHING', [userId]);
    await tx.query(`INSERT INTO follows (user_id, kind, target_id) VALUES ($1, $2, $3) ON CONFLICT (user_id, kind, target_id) DO NOTHING`, [userId, FollowKind.COMMUNITY, communityId]);
  }

  /** Leaving a community stops its news too, in the leaving transaction. */
  async unfollowLeftCommunity(tx: EntityManager, userId: string, communityId: string): Promise<void> {
    await tx.query('DELETE FROM follows WHERE user_id = $1 AND kind = $2 AND target_id = $3', [userId, FollowKind.COMMUNITY, communityId]);
  }

  /** True when a follow was removed. */
  async unfollow(userId: string, follow: Follow): Promise<boolean> {
    const result = (await this.db.query('DELETE FROM follows WHERE user_id = $1 AND kind = $2 AND target_id = $3', [userId, follow.kind, follow.targetId])) as [unknown, number];
    return result[1] > 0;
  }

  /** Everyone following the thing, chosen or automatic. */
  async followerIds(kind: FollowKind, targetId: string): Promise<string[]> {
    const rows = (await this.db.query('SELECT user_id AS "userId" FROM follows WHERE kind = $1 AND target_id = $2', [kind, targetId])) as { userId: string }[];
    return rows.map((row) => row.userId);
  }

  /** Records that digests may go to the person's address; an earlier confirmation keeps its time. */
  confirmEmail(userId: string): Promise<void> {
    return confirmEmails(this.db, [userId]);
  }

  /** Turns the person's digests off (an unsubscribe link); true when they were on. */
  async turnDigestsOff(userId: string): Promise<boolean> {
    await this.db.query('INSERT INTO notification_settings (user_id, digest_frequency) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING', [userId, 'OFF']);
    const result = (await this.db.query(`UPDATE notification_settings SET digest_frequency = 'OFF', updated_at = now() WHERE user_id = $1 AND digest_frequency <> 'OFF'`, [
      userId,
    ])) as [unknown, number];
    return result[1] > 0;
  }

  /** What the person follows, by kind, then oldest first. */
  async follows(userId: string, first = MAX_PAGE_SIZE): Promise<Follow[]> {
    return (await this.db.query(
      `SELECT f.kind, f.target_id AS "targetId" FROM follows f
        WHERE f.user_id = $1
        ORDER BY f.kind, f.created_at, f.target_id
        LIMIT $2`,
      [userId, checkPageSize(first)],
    )) as Follow[];
  }

  async settings(userId: string): Promise<NotificationSettingsModel> {
    const [row] = (await this.db.query(`SELECT ${SETTINGS_COLUMNS} FROM notification_settings WHERE user_id = $1`, [userId])) as NotificationSettingsModel[];
    return (
      row ?? {
        digestFrequency: DigestFrequency.DAILY,
        digestWeekday: null,
        digestHour: DEFAULT_DIGEST_HOUR,
        timeZone: DEFAULT_TIME_ZONE,
        autoWatch: true,
        emailConfirmedAt: null,
      }
    );
  }

  async updateSettings(userId: string, input: NotificationSettingsInput): Promise<NotificationSettingsModel> {
    const timeZone = input.timeZone.trim();
    if (!isIanaTimeZone(timeZone) || !(await this.postgresKnowsZone(timeZone))) {
      throw new SubscriptionsException(SubscriptionsExceptionCode.INVALID_TIME_ZONE, `“${timeZone}” is not an IANA time zone such as Europe/London.`, { field: 'timeZone' });
    }
    if (input.digestFrequency === DigestFrequency.WEEKLY && !input.digestWeekday) {
      throw new SubscriptionsException(SubscriptionsExceptionCode.WEEKDAY_REQUIRED, 'Choose the weekday for a weekly digest.', { field: 'digestWeekday' });
    }
    const [row] = (await this.db.query(
      `INSERT INTO notification_settings AS s (user_id, digest_frequency, digest_weekday, digest_hour, time_zone, auto_watch)
       VALUES ($1, $2, $3, $4, $5, COALESCE($6, true))
       ON CONFLICT (user_id) DO UPDATE SET
         digest_frequency = EXCLUDED.digest_frequency, digest_weekday = EXCLUDED.digest_weekday,
         digest_hour = EXCLUDED.digest_hour, time_zone = EXCLUDED.time_zone,
         auto_watch = COALESCE($6, s.auto_watch), updated_at = now(),
         -- Turning digests back on starts from now, not from whenever they were turned off.
         digest_watermark = CASE WHEN s.digest_frequency = 'OFF' AND EXCLUDED.digest_frequency <> 'OFF' THEN now() ELSE s.digest_watermark END
       RETURNING ${SETTINGS_COLUMNS}`,
      [userId, input.digestFrequency, input.digestWeekday ?? null, input.digestHour, timeZone, input.autoWatch ?? null],
    )) as NotificationSettingsModel[];
    return row;
  }

  private async postgresKnowsZone(zone: string): Promise<boolean> {
    const [row] = (await this.db.query('SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1) AS known', [zone])) as { known: boolean }[];
    return row.known;
  }

  /** Erasure, inside its transaction: what the person followed and how they wanted to hear about it. */
  async eraseUser(tx: EntityManager, userId: string): Promise<void> {
    await tx.query('DELETE FROM follows WHERE user_id = $1', [userId]);
    await tx.query('DELETE FROM notification_settings WHERE user_id = $1', [userId]);
  }
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** Links in old digests keep working this long (RFC 8058 asks for a link that works "for some time"; we promise 60 days and keep a year). */
export const UNSUBSCRIBE_TOKEN_DAYS = 365;

const DAY = 24 * 3600;

function signature(secret: string, userId: string, issuedDay: number): string {
  return createHmac('sha256', secret).update(`unsubscribe:v1:${userId}:${issuedDay}`).digest('base64url').slice(0, 32);
}

/** A token naming the subscriber and the day it was issued, signed with APP_SECRET. */
export function signUnsubscribeToken(secret: string, userId: string, now: Date = new Date()): string {
  const issuedDay = Math.floor(now.getTime() / 1000 / DAY);
  return `${userId}.${issuedDay.toString(36)}.${signature(secret, userId, issuedDay)}`;
}

/** The subscriber's id when the token is genuine and not too old; null otherwise. */
export function verifyUnsubscribeToken(secret: string, token: string, now: Date = new Date()): string | null {
  const match = /^([0-9a-f-]{36})\.([0-9a-z]{1,8})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return null;
  const [, userId, day36, given] = match;
  const issuedDay = parseInt(day36, 36);
  const expected = Buffer.from(signature(secret, userId, issuedDay));
  if (!timingSafeEqual(expected, Buffer.from(given))) return null;
  const today = Math.floor(now.getTime() / 1000 / DAY);
  if (issuedDay > today + 1 || today - issuedDay > UNSUBSCRIBE_TOKEN_DAYS) return null;
  return userId;
}

import { createHmac, timingSafeEqual } from 'node:crypto';

/** A confirmation link works for a week, and only for the address it was sent to. */
export const CONFIRMATION_TOKEN_DAYS = 7;
const DAY = 24 * 3600 * 1000;

function signature(secret: string, userId: string, email: string, issuedDay: number): string {
  return createHmac('sha256', secret).update(`confirm-email:v1:${userId}:${email.toLowerCase()}:${issuedDay}`).digest('base64url').slice(0, 32);
}

export function signEmailConfirmationToken(secret: string, userId: string, email: string, now: Date = new Date()): string {
  const issuedDay = Math.floor(now.getTime() / DAY);
  return `${userId}.${issuedDay.toString(36)}.${signature(secret, userId, email, issuedDay)}`;
}

/** Whose token this claims to be (not yet verified), or null when it is not one. */
export function emailConfirmationTokenUser(token: string): string | null {
  return /^([0-9a-f-]{36})\.[0-9a-z]{1,8}\.[A-Za-z0-9_-]{32}$/.exec(token)?.[1] ?? null;
}

/** True when the token is genuine, recent, and was issued for this (still current) address. */
export function verifyEmailConfirmationToken(secret: string, token: string, email: string, now: Date = new Date()): boolean {
  const match = /^([0-9a-f-]{36})\.([0-9a-z]{1,8})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!match) return false;
  const [, userId, day36, given] = match;
  const issuedDay = parseInt(day36, 36);
  if (!timingSafeEqual(Buffer.from(signature(secret, userId, email, issuedDay)), Buffer.from(given))) return false;
  const today = Math.floor(now.getTime() / DAY);
  return issuedDay <= today + 1 && today - issuedDay <= CONFIRMATION_TOKEN_DAYS;
}

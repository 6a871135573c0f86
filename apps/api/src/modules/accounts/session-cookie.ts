import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'pc_session';
export const SESSION_DAYS = 30;

export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_DAYS * 24 * 3600 * 1000 };
}

/** The session token from the cookie (browsers) or the bearer header (API clients). */
export function sessionTokenFrom(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  const cookies = (req as Request & { cookies?: Record<string, string> }).cookies;
  return cookies?.[SESSION_COOKIE] || undefined;
}

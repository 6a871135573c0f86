import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import type { AppConfig } from '../../config/app-config.js';

/** The cookie's name over plain http, i.e. on a developer's own machine. */
export const PLAIN_SESSION_COOKIE = 'pc_session';
/**
 * Its name over https. Browsers only accept a `__Host-` cookie when it is Secure, for Path=/
 * and without a Domain, so a sibling subdomain cannot plant or overwrite someone's session.
 */
export const HOST_SESSION_COOKIE = `__Host-${PLAIN_SESSION_COOKIE}`;
/** A session ends this long after it started, however often it is used (the cookie lives as long). */
export const SESSION_LIFETIME_DAYS = 60;
/** …and sooner when it has not been used for this long: a forgotten device does not stay signed in. */
export const SESSION_IDLE_DAYS = 14;
/**
 * Using a session records when, at most once per this many minutes: often enough for the
 * idle timeout, rare enough that reading pages does not mean a write per request.
 */
export const SESSION_SEEN_RESOLUTION_MINUTES = 10;

type CookieSettings = Pick<AppConfig, 'publicUrl' | 'isProduction'>;

const servedOverHttps = (config: CookieSettings) => config.publicUrl.startsWith('https:');

export function sessionCookieName(config: CookieSettings): string {
  return servedOverHttps(config) ? HOST_SESSION_COOKIE : PLAIN_SESSION_COOKIE;
}

export function sessionCookieOptions(config: CookieSettings): CookieSerializeOptions {
  // Production marks it Secure even when PUBLIC_URL says http: a session must not travel in clear text.
  return { httpOnly: true, sameSite: 'lax', secure: servedOverHttps(config) || config.isProduction, path: '/', maxAge: SESSION_LIFETIME_DAYS * 24 * 3600 };
}

export function setSessionCookie(reply: FastifyReply, config: CookieSettings, token: string): void {
  const options = sessionCookieOptions(config);
  // Max-Age for today's browsers, Expires for the old ones that only know it.
  reply.setCookie(sessionCookieName(config), token, { ...options, expires: new Date(Date.now() + (options.maxAge ?? 0) * 1000) });
}

export function clearSessionCookie(reply: FastifyReply, config: CookieSettings): void {
  reply.clearCookie(sessionCookieName(config), { ...sessionCookieOptions(config), maxAge: undefined });
}

/**
 * The session token from the cookie (browsers) or the bearer header (API clients). Over
 * https only the `__Host-` cookie counts: a plain one could have been planted by a subdomain.
 */
export function sessionTokenFrom(req: { headers: { authorization?: string }; cookies?: Record<string, string | undefined> }, config: CookieSettings): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  return req.cookies?.[sessionCookieName(config)] || undefined;
}

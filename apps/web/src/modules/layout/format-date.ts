const DATE_TIME = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });

const DATE_TIME_UTC = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/**
 * "12 Jul 2012, 14:05" in the reader's time zone; the raw ISO string if it does not parse.
 * The server does not know the reader's zone, so a server-rendered page, and the browser
 * while it hydrates that page (until the reader moves on), say "12 Jul 2012, 13:05 UTC":
 * the same text on both sides, so React keeps the page instead of drawing it again.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return typeof document === 'undefined' || hydrationNow !== null ? `${DATE_TIME_UTC.format(date)} UTC` : DATE_TIME.format(date);
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
const RELATIVE = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });

/**
 * While a server-rendered page hydrates, "3 minutes ago" must read as it did on the server,
 * or React finds different text and renders the page again: main.tsx sets the time the
 * server rendered at until hydration is over.
 */
let hydrationNow: Date | null = null;

export function setHydrationNow(now: Date | null): void {
  hydrationNow = now;
}

/** "3 days ago", relative to `now`. */
export function formatRelative(iso: string, now: Date = hydrationNow ?? new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return RELATIVE.format(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

const DATE_UTC = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "16 July 2012": a calendar date (policy publication dates are midnight UTC, so read them in UTC). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_UTC.format(date);
}

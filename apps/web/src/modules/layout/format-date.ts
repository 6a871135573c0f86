/*
 * Written out by hand rather than with Intl: the first Intl formatter a page makes loads the
 * browser's locale data, tens of milliseconds of main thread on a phone, while the page is
 * still being adopted (Lighthouse's Total Blocking Time). The words are en-GB's, as Intl's
 * en-GB formats say them (format-date.spec.ts compares the two).
 */
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** "12 Jul 2012, 14:05", in UTC or in the zone the browser runs in. */
function dateTime(date: Date, utc: boolean): string {
  return utc
    ? `${date.getUTCDate()} ${MONTHS_SHORT[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${twoDigits(date.getUTCHours())}:${twoDigits(date.getUTCMinutes())}`
    : `${date.getDate()} ${MONTHS_SHORT[date.getMonth()]} ${date.getFullYear()}, ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

/**
 * "12 Jul 2012, 14:05" in the reader's time zone; the raw ISO string if it does not parse.
 * The server does not know the reader's zone, so a server-rendered page, and the browser
 * while it hydrates that page (until the reader moves on), say "12 Jul 2012, 13:05 UTC":
 * the same text on both sides, so React keeps the page instead of drawing it again.
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return typeof document === 'undefined' || hydrationNow !== null ? `${dateTime(date, true)} UTC` : dateTime(date, false);
}

type Unit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute';

const UNITS: Array<[Unit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];
/** What en-GB says for one unit either side of now ("numeric: auto"), where it has a word. */
const ONE_AWAY: Partial<Record<Unit, [past: string, future: string]>> = {
  year: ['last year', 'next year'],
  month: ['last month', 'next month'],
  week: ['last week', 'next week'],
  day: ['yesterday', 'tomorrow'],
};

/** "3 days ago", "in 2 hours", "yesterday". */
function relative(count: number, unit: Unit): string {
  const size = Math.abs(count);
  const word = ONE_AWAY[unit];
  if (size === 1 && word) return word[count < 0 ? 0 : 1];
  const amount = `${String(size).replace(/\B(?=(\d{3})+(?!\d))/g, ',')} ${unit}${size === 1 ? '' : 's'}`;
  return count < 0 ? `${amount} ago` : `in ${amount}`;
}

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
    if (Math.abs(seconds) >= size) return relative(Math.trunc(seconds / size), unit);
  }
  return 'just now';
}

/** "16 July 2012": a calendar date (policy publication dates are midnight UTC, so read them in UTC). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : `${date.getUTCDate()} ${MONTHS_LONG[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

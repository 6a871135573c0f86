import { formatDate, formatDateTime, formatRelative, setHydrationNow } from './format-date';

describe('formatRelative', () => {
  const now = new Date('2024-05-10T12:00:00Z');
  it('says just now for the last minute', () => {
    expect(formatRelative('2024-05-10T11:59:30Z', now)).toBe('just now');
  });
  it('uses the largest whole unit', () => {
    expect(formatRelative('2024-05-10T09:00:00Z', now)).toBe('3 hours ago');
    expect(formatRelative('2024-05-07T12:00:00Z', now)).toBe('3 days ago');
    expect(formatRelative('2023-05-01T12:00:00Z', now)).toBe('last year');
  });
  it('returns unparseable input unchanged', () => {
    expect(formatRelative('not a date', now)).toBe('not a date');
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('formatDate', () => {
  it('reads a publication date in UTC, so midnight never becomes the day before', () => {
    expect(formatDate('2012-07-16T00:00:00.000Z')).toBe('16 July 2012');
    expect(formatDate('nope')).toBe('nope');
  });
});

describe('formatDateTime while a server-rendered page hydrates', () => {
  afterEach(() => setHydrationNow(null));
  it('says the time in UTC, as the server did, until the reader moves on', () => {
    setHydrationNow(new Date('2024-05-10T12:00:00Z'));
    expect(formatDateTime('2024-05-10T13:05:00Z')).toBe('10 May 2024, 13:05 UTC');
    setHydrationNow(null);
    expect(formatDateTime('2024-05-10T13:05:00Z')).not.toMatch(/UTC$/);
  });
});

describe('the same words as Intl in en-GB, without loading Intl on the page', () => {
  // Dates spread over 40 years either side of 2024, at awkward minutes, both sides of now.
  const now = new Date('2024-05-10T12:00:00Z');
  const samples = Array.from({ length: 400 }, (_, i) => new Date(now.getTime() + (i % 2 ? 1 : -1) * Math.round(1.7 ** (i / 18) * 7919) * 1000));

  it('formats relative times as RelativeTimeFormat (numeric: auto) does', () => {
    const intl = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
    const units: [Intl.RelativeTimeFormatUnit, number][] = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
    for (const date of samples) {
      const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
      const unit = units.find(([, size]) => Math.abs(seconds) >= size);
      const expected = unit ? intl.format(Math.trunc(seconds / unit[1]), unit[0]) : 'just now';
      expect(formatRelative(date.toISOString(), now)).toBe(expected);
    }
  });

  it('formats dates and times as DateTimeFormat does', () => {
    const inUtc = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
    const local = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
    const calendar = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (const date of samples) {
      expect(formatDate(date.toISOString())).toBe(calendar.format(date));
      expect(formatDateTime(date.toISOString())).toBe(local.format(date));
      setHydrationNow(now);
      expect(formatDateTime(date.toISOString())).toBe(`${inUtc.format(date)} UTC`);
      setHydrationNow(null);
    }
  });
});

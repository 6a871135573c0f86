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

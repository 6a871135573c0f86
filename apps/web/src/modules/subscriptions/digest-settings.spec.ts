import { describeDigestSchedule, hourLabel, knownTimeZones, settingsInputOf, timeZoneGroups, timeZoneLabel, type DigestSettingsForm } from './digest-settings';

const form: DigestSettingsForm = { digestFrequency: 'WEEKLY', digestWeekday: 3, digestHour: 7, timeZone: ' Europe/Paris ', autoWatch: true };

describe('settingsInputOf', () => {
  it('sends the weekday only for a weekly digest and trims the zone', () => {
    expect(settingsInputOf(form)).toEqual({ digestFrequency: 'WEEKLY', digestWeekday: 3, digestHour: 7, timeZone: 'Europe/Paris', autoWatch: true });
    expect(settingsInputOf({ ...form, digestFrequency: 'DAILY' }).digestWeekday).toBeNull();
    expect(settingsInputOf({ ...form, digestFrequency: 'OFF' }).digestWeekday).toBeNull();
  });
});

describe('describeDigestSchedule', () => {
  it('says when the digest comes', () => {
    expect(describeDigestSchedule(form)).toBe('Weekly on Wednesday at 07:00 (Europe/Paris).');
    expect(describeDigestSchedule({ ...form, digestFrequency: 'DAILY', digestHour: 18 })).toBe('Daily at 18:00 (Europe/Paris).');
    expect(describeDigestSchedule({ ...form, digestFrequency: 'OFF' })).toBe('Off: no digest emails.');
  });
});

describe('hourLabel', () => {
  it('pads the hour', () => {
    expect(hourLabel(0)).toBe('00:00');
    expect(hourLabel(23)).toBe('23:00');
  });
});

describe('timeZoneGroups', () => {
  it('groups the zones by region, UTC and one-word zones last, each named as people read it', () => {
    const groups = timeZoneGroups(['Europe/Paris', 'America/New_York', 'Europe/London', 'America/Argentina/Buenos_Aires'], 'Europe/London');
    expect(groups.map((group) => group.region)).toEqual(['America', 'Europe', 'Other']);
    expect(groups[0]?.zones.map(timeZoneLabel)).toEqual(['Argentina / Buenos Aires', 'New York']);
    expect(groups[1]?.zones).toEqual(['Europe/London', 'Europe/Paris']);
    expect(groups[2]?.zones).toEqual(['UTC']);
  });

  it('keeps a saved zone the browser does not list, so the choice shows as it is', () => {
    expect(timeZoneGroups(['Europe/Kyiv'], 'Europe/Kiev').find((group) => group.region === 'Europe')?.zones).toEqual(['Europe/Kiev', 'Europe/Kyiv']);
  });

  it('offers every IANA zone this runtime knows', () => {
    const zones = knownTimeZones();
    expect(zones).toContain('Europe/London');
    expect(timeZoneGroups(zones, 'Europe/London').flatMap((group) => group.zones)).toHaveLength(new Set([...zones, 'UTC']).size);
  });
});

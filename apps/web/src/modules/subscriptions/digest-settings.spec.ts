import { describeDigestSchedule, hourLabel, settingsInputOf, type DigestSettingsForm } from './digest-settings';

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

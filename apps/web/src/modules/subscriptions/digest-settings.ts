import type { DigestFrequency, NotificationSettingsInput } from '../../generated/graphql';

export interface DigestSettingsForm {
  digestFrequency: DigestFrequency;
  /** 1 = Monday … 7 = Sunday; only sent for WEEKLY. */
  digestWeekday: number;
  digestHour: number;
  timeZone: string;
  autoWatch: boolean;
}

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

/** The browser's IANA time zone, or null when it does not say. */
export function browserTimeZone(): string | null {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
}

/** Every IANA zone this browser knows, for the picker's suggestions. */
export function knownTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  try {
    return intl.supportedValuesOf?.('timeZone') ?? [];
  } catch {
    return [];
  }
}

/** A zone as a person reads it: "America/Argentina/Buenos_Aires" → "Argentina / Buenos Aires". */
export function timeZoneLabel(zone: string): string {
  const [, ...place] = zone.split('/');
  return (place.length > 0 ? place : [zone]).join(' / ').replace(/_/g, ' ');
}

/**
 * The zones to choose from, grouped by region ("Europe", "America"…; UTC and other
 * one-word zones under "Other"), each region's by name; `current` is kept when the
 * browser does not list it (an older name such as Europe/Kiev), so a saved choice shows.
 */
export function timeZoneGroups(zones: readonly string[], current: string): { region: string; zones: string[] }[] {
  const all = new Set(zones);
  all.add('UTC');
  if (current.trim() !== '') all.add(current.trim());
  const byRegion = new Map<string, string[]>();
  for (const zone of all) {
    const region = zone.includes('/') ? (zone.split('/')[0] ?? 'Other') : 'Other';
    byRegion.set(region, [...(byRegion.get(region) ?? []), zone]);
  }
  return [...byRegion]
    .sort(([a], [b]) => (a === 'Other' ? 1 : b === 'Other' ? -1 : a.localeCompare(b)))
    .map(([region, list]) => ({ region, zones: list.sort((a, b) => timeZoneLabel(a).localeCompare(timeZoneLabel(b))) }));
}

/** "08:00" */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** What the mutation takes: the weekday only for a weekly digest, the zone trimmed. */
export function settingsInputOf(form: DigestSettingsForm): NotificationSettingsInput {
  return {
    digestFrequency: form.digestFrequency,
    digestWeekday: form.digestFrequency === 'WEEKLY' ? form.digestWeekday : null,
    digestHour: form.digestHour,
    timeZone: form.timeZone.trim(),
    autoWatch: form.autoWatch,
  };
}

/** "Daily at 08:00 (Europe/London)", "Weekly on Monday at 07:00 (…)", "Off". */
export function describeDigestSchedule(form: DigestSettingsForm): string {
  switch (form.digestFrequency) {
    case 'OFF':
      return 'Off: no digest emails.';
    case 'DAILY':
      return `Daily at ${hourLabel(form.digestHour)} (${form.timeZone.trim()}).`;
    case 'WEEKLY':
      return `Weekly on ${WEEKDAYS[form.digestWeekday - 1] ?? 'Monday'} at ${hourLabel(form.digestHour)} (${form.timeZone.trim()}).`;
  }
}

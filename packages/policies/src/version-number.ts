/** Policy versions are MAJOR.MINOR: whole numbers without leading zeros, e.g. 1.0, 2.10. */
export interface VersionNumber {
  major: number;
  minor: number;
}

export const VERSION_BUMPS = ['MAJOR', 'MINOR'] as const;
export type VersionBump = (typeof VERSION_BUMPS)[number];

export const VERSION_NUMBER_PATTERN = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
/** Far beyond any real edition; it bounds a citation reference. */
export const MAX_VERSION_LENGTH = 20;

/** Returns null for anything that is not MAJOR.MINOR (so "1", "1.0.0", "01.0" and "v1.0" are refused). */
export function parseVersionNumber(text: string): VersionNumber | null {
  if (text.length > MAX_VERSION_LENGTH) return null;
  const match = VERSION_NUMBER_PATTERN.exec(text);
  if (!match) return null;
  return { major: Number(match[1]), minor: Number(match[2]) };
}

export function isVersionNumber(text: string): boolean {
  return parseVersionNumber(text) !== null;
}

export function formatVersionNumber(version: VersionNumber): string {
  return `${version.major}.${version.minor}`;
}

function requireVersionNumber(text: string): VersionNumber {
  const version = parseVersionNumber(text);
  if (!version) {
    throw new RangeError(`"${text}" is not a version number: use MAJOR.MINOR, e.g. 2.0`);
  }
  return version;
}

/** Numeric, not textual: 2.10 is after 2.9. Throws RangeError on a malformed version. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = requireVersionNumber(a);
  const right = requireVersionNumber(b);
  if (left.major !== right.major) return left.major < right.major ? -1 : 1;
  if (left.minor !== right.minor) return left.minor < right.minor ? -1 : 1;
  return 0;
}

/** nextVersion('2.3', 'MAJOR') is '3.0'; nextVersion('2.3', 'MINOR') is '2.4'. */
export function nextVersion(current: string, bump: VersionBump): string {
  const version = requireVersionNumber(current);
  return bump === 'MAJOR'
    ? formatVersionNumber({ major: version.major + 1, minor: 0 })
    : formatVersionNumber({ major: version.major, minor: version.minor + 1 });
}

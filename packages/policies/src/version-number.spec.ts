import { compareVersions, isVersionNumber, nextVersion, parseVersionNumber } from './version-number.js';

describe('version numbers', () => {
  it('parses MAJOR.MINOR', () => {
    expect(parseVersionNumber('2.0')).toEqual({ major: 2, minor: 0 });
    expect(parseVersionNumber('0.1')).toEqual({ major: 0, minor: 1 });
    expect(parseVersionNumber('12.10')).toEqual({ major: 12, minor: 10 });
  });

  it('accepts up to 20 characters', () => {
    expect(parseVersionNumber('123456789.1234567890')).toEqual({ major: 123456789, minor: 1234567890 });
  });

  it.each(['2', '2.0.1', '02.0', '2.01', 'v2.0', '2.0 ', '', '-1.0', '2.x', '1234567890.1234567890'])('refuses %p', (text) => {
    expect(parseVersionNumber(text)).toBeNull();
    expect(isVersionNumber(text)).toBe(false);
  });

  it('compares numerically, not as text', () => {
    expect(compareVersions('2.10', '2.9')).toBe(1);
    expect(compareVersions('2.9', '10.0')).toBe(-1);
    expect(compareVersions('3.0', '3.0')).toBe(0);
    expect(['3.0', '1.0', '2.10', '2.2'].sort(compareVersions)).toEqual(['1.0', '2.2', '2.10', '3.0']);
  });

  it('bumps MAJOR to the next whole version and MINOR by one', () => {
    expect(nextVersion('2.3', 'MAJOR')).toBe('3.0');
    expect(nextVersion('2.3', 'MINOR')).toBe('2.4');
    expect(nextVersion('2.9', 'MINOR')).toBe('2.10');
  });

  it('throws a RangeError naming the bad version', () => {
    expect(() => compareVersions('2', '1.0')).toThrow(RangeError);
    expect(() => nextVersion('two', 'MAJOR')).toThrow('"two" is not a version number');
  });
});

import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
  it('keeps same-site paths', () => {
    expect(safeReturnPath('/q/12?tab=answers')).toBe('/q/12?tab=answers');
  });
  it.each([null, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)'])('falls back to home for %j', (next) => {
    expect(safeReturnPath(next)).toBe('/');
  });
});

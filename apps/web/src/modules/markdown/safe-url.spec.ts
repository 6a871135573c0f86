import { isPolicyReference, isSafeImageUrl, isSafeLinkUrl } from './safe-url';

describe('isSafeLinkUrl', () => {
  it.each(['https://example.org', 'http://example.org', 'mailto:a@example.org', '/q/1', '#answer-2', 'relative/path', '?q=x'])('accepts %s', (url) => {
    expect(isSafeLinkUrl(url)).toBe(true);
  });

  it.each(['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'java\nscript:x', 'vbscript:x', 'data:text/html,x', 'policy:a@1.0#b', 'file:///etc/passwd'])(
    'refuses %j',
    (url) => {
      expect(isSafeLinkUrl(url)).toBe(false);
    },
  );
});

describe('isSafeImageUrl', () => {
  it('accepts http(s) and relative images only', () => {
    expect(isSafeImageUrl('https://example.org/a.png')).toBe(true);
    expect(isSafeImageUrl('/a.png')).toBe(true);
    expect(isSafeImageUrl('data:image/svg+xml,<svg onload=alert(1)>')).toBe(false);
    expect(isSafeImageUrl('mailto:a@example.org')).toBe(false);
  });
});

describe('isPolicyReference', () => {
  it('recognises policy: references in any case', () => {
    expect(isPolicyReference('policy:social-media@1.0#intro')).toBe(true);
    expect(isPolicyReference('POLICY:social-media@1.0')).toBe(true);
    expect(isPolicyReference('https://example.org/policy:x')).toBe(false);
  });
});

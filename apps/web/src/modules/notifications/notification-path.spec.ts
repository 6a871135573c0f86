import { notificationPath, unreadBadgeText } from './notification-path';

describe('notificationPath', () => {
  it('keeps path, query and fragment of an absolute URL', () => {
    expect(notificationPath('http://localhost:3000/q/abc#answer-1')).toBe('/q/abc#answer-1');
    expect(notificationPath('https://forum.example.org/policies/x/diff?from=1.0&to=2.0')).toBe('/policies/x/diff?from=1.0&to=2.0');
  });

  it('keeps a path as it is', () => {
    expect(notificationPath('/q/abc')).toBe('/q/abc');
  });

  it('refuses other schemes and garbage', () => {
    expect(notificationPath('javascript:alert(1)')).toBe('/');
    expect(notificationPath('//evil.example/x')).toBe('/');
    expect(notificationPath('not a url')).toBe('/');
  });
});

describe('unreadBadgeText', () => {
  it('shows nothing for zero and caps at 9+', () => {
    expect(unreadBadgeText(0)).toBeNull();
    expect(unreadBadgeText(3)).toBe('3');
    expect(unreadBadgeText(12)).toBe('9+');
  });
});

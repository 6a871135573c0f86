import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token.js';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const USER = '0b8c3f0e-5a47-4c55-9d1e-3f0f4d5a8e21';
const DAY = 24 * 3600 * 1000;

describe('unsubscribe tokens', () => {
  const issued = new Date('2026-03-01T10:00:00Z');
  const token = signUnsubscribeToken(SECRET, USER, issued);

  it('names the subscriber while genuine and for at least 60 days', () => {
    expect(verifyUnsubscribeToken(SECRET, token, issued)).toBe(USER);
    expect(verifyUnsubscribeToken(SECRET, token, new Date(issued.getTime() + 60 * DAY))).toBe(USER);
  });

  it('refuses a changed token, another secret, or one past its lifetime', () => {
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    expect(verifyUnsubscribeToken(SECRET, token.slice(0, -1) + last, issued)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token.replace(USER, '1b8c3f0e-5a47-4c55-9d1e-3f0f4d5a8e21'), issued)).toBeNull();
    expect(verifyUnsubscribeToken(`${SECRET}x`, token, issued)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, 'garbage', issued)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token, new Date(issued.getTime() + 400 * DAY))).toBeNull();
  });
});

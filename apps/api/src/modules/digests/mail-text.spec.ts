import { MAIL_TEXT_LIMITS, mailText } from './mail-text.js';

describe('member text in mail', () => {
  it('is one line: a CR LF and a header after it become a space, so no header can be added', () => {
    expect(mailText('Sam\r\nBcc: everyone@example.org', 80)).toBe('Sam Bcc: everyone@example.org');
    expect(mailText('a\u0000b\tc\u2028d\u0085e\u007ff', 80)).toBe('a b c d e f');
  });

  it('drops bidirectional overrides and collapses whitespace', () => {
    expect(mailText('  Admin\u202e  team\u2066 ', 80)).toBe('Admin team');
  });

  it('makes a lone surrogate a replacement character and keeps a pair', () => {
    expect(mailText('a\ud800b 😀', 80)).toBe('a\ufffdb 😀');
  });

  it('is at most max characters, cut at a character a reader sees, with an ellipsis', () => {
    const long = mailText('x'.repeat(10_000), MAIL_TEXT_LIMITS.name);
    expect(long).toBe(`${'x'.repeat(79)}…`);
    expect([...long]).toHaveLength(80);
    expect(mailText('y'.repeat(80), 80)).toBe('y'.repeat(80));
    // A family emoji is one character to a reader: kept whole or not at all.
    const family = '👨‍👩‍👧';
    expect(mailText(`${family.repeat(5)}`, 3)).toBe(`${family}${family}…`);
    expect(mailText('word '.repeat(10), 7)).toBe('word w…');
  });
});

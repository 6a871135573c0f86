import { parseTags } from './tag-input';

describe('parseTags', () => {
  it('splits on commas and spaces and drops duplicates', () => {
    expect(parseTags(' social-media, parish-councils  social-media,')).toEqual({ tags: ['social-media', 'parish-councils'], error: null });
  });

  it('needs at least one tag', () => {
    expect(parseTags('  , ').error).toBe('Add at least one tag.');
  });

  it('allows at most five tags', () => {
    expect(parseTags('a b c d e').error).toBeNull();
    expect(parseTags('a b c d e f').error).toBe('Use at most 5 tags.');
  });

  it.each(['Social', 'social_media', '-social', 'social-', 'social--media', 'soçial'])('refuses %j', (tag) => {
    expect(parseTags(tag).error).toMatch(/is not a tag/);
  });
});

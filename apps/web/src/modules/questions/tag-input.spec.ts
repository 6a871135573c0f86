import { parseTags, tagBeingTyped, tagSlugOf } from './tag-input';

describe('parseTags', () => {
  it('splits on commas and drops duplicates', () => {
    expect(parseTags(' social-media, parish-councils , social-media,')).toEqual({ tags: ['social-media', 'parish-councils'], error: null });
  });

  it('turns capitals and spaces into a tag instead of refusing them, as the api stores it', () => {
    expect(parseTags('Parish Councils, Code of  Conduct, social_media')).toEqual({ tags: ['parish-councils', 'code-of-conduct', 'social-media'], error: null });
    expect(tagSlugOf('  -Social--Media- ')).toBe('social-media');
  });

  it('needs at least one tag', () => {
    expect(parseTags('  , ').error).toBe('Add at least one tag.');
  });

  it('allows at most five tags', () => {
    expect(parseTags('a, b, c, d, e').error).toBeNull();
    expect(parseTags('a, b, c, d, e, f').error).toBe('Use at most 5 tags.');
  });

  it.each(['c++', 'soçial', 'x'.repeat(36)])('refuses %j, which is still not a tag', (tag) => {
    expect(parseTags(tag).error).toMatch(/is not a tag/);
  });
});

describe('tagBeingTyped', () => {
  it('is the text after the last comma', () => {
    expect(tagBeingTyped('social-media, Par')).toEqual({ before: 'social-media, ', typing: ' Par' });
    expect(tagBeingTyped('Par')).toEqual({ before: '', typing: 'Par' });
  });
});

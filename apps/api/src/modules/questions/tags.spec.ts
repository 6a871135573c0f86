import { normaliseTags, tagSlugOf } from './tags.js';

describe('normaliseTags', () => {
  it('lowercases, trims and removes repeats, keeping order', () => {
    expect(normaliseTags([' Social-Media ', 'conflicts-of-interest', 'social-media'])).toEqual(['social-media', 'conflicts-of-interest']);
  });

  it.each([[[]], [['a', 'b', 'c', 'd', 'e', 'f']], [['  ']]])('refuses %j: between one and five tags', (tags) => {
    expect(() => normaliseTags(tags)).toThrow('Give between 1 and 5 tags.');
  });

  it.each([
    ['Two Words', 'two-words'],
    ['under_score', 'under-score'],
    ['trailing-', 'trailing'],
    ['-leading', 'leading'],
    ['double--hyphen', 'double-hyphen'],
    ['  Parish   Councils ', 'parish-councils'],
  ])('normalises %j to %j instead of refusing it', (typed, stored) => {
    expect(normaliseTags([typed])).toEqual([stored]);
  });

  it('counts tags that normalise to the same slug once', () => {
    expect(normaliseTags(['Social Media', 'social-media', 'social_media'])).toEqual(['social-media']);
  });

  it.each(['x'.repeat(36), 'c++', 'café'])('refuses the tag %j', (tag) => {
    expect(() => normaliseTags([tag, 'other'])).toThrow('is not a valid tag');
  });

  it('costs the length of a long run of hyphens, not its square', () => {
    expect(tagSlugOf(`a${'-'.repeat(130)}b`)).toBe('a-b');
    expect(tagSlugOf('-'.repeat(100_000))).toHaveLength(100_000);
  });

  it('checks the length before the pattern and does not repeat a huge tag back', () => {
    expect(() => normaliseTags(['a'.repeat(100_000)])).toThrow(`"${'a'.repeat(35)}…" is not a valid tag`);
  });
});

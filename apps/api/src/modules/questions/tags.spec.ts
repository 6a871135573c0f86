import { normaliseTags } from './tags.js';

describe('normaliseTags', () => {
  it('lowercases, trims and removes repeats, keeping order', () => {
    expect(normaliseTags([' Social-Media ', 'conflicts-of-interest', 'social-media'])).toEqual(['social-media', 'conflicts-of-interest']);
  });

  it.each([[[]], [['a', 'b', 'c', 'd', 'e', 'f']], [['  ']]])('refuses %j: between one and five tags', (tags) => {
    expect(() => normaliseTags(tags)).toThrow('Give between 1 and 5 tags.');
  });

  it.each(['two words', 'under_score', 'trailing-', '-leading', 'double--hyphen', 'x'.repeat(36)])('refuses the tag %j', (tag) => {
    expect(() => normaliseTags([tag])).toThrow('is not a valid tag');
  });

  it('checks the length before the pattern and does not repeat a huge tag back', () => {
    expect(() => normaliseTags(['a'.repeat(100_000)])).toThrow(`"${'a'.repeat(35)}…" is not a valid tag`);
  });
});

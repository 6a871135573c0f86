import { isDocumentSlug } from '@policy-commons/policies';
import { slugFromTitle } from './document-slug';

describe('slugFromTitle', () => {
  it.each([
    ['Remote Working Policy', 'remote-working-policy'],
    ['  Social Media Policy & Guidance (2012) ', 'social-media-policy-guidance-2012'],
    ['Café — Élection Purdah', 'cafe-election-purdah'],
    ['!!!', ''],
  ])('proposes %j for %j', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it('cuts a long title at a word, within the limit, as a valid slug', () => {
    const slug = slugFromTitle(`${'Employee code of business conduct '.repeat(10)}`);
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug.endsWith('-')).toBe(false);
    expect(isDocumentSlug(slug)).toBe(true);
  });
});

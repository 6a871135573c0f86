import {
  MAX_CITATION_REFERENCE_LENGTH,
  findCitationReferences,
  formatCitationReference,
  formatDocumentVersionRef,
  isCitationReference,
  parseCitationReference,
  parseDocumentVersionRef,
  scanCitationReferences,
} from './citation-reference.js';

describe('citation references', () => {
  it('parses and formats policy:<slug>@<version>#<anchor>', () => {
    const text = 'policy:social-media-policy@2.0#personal-and-professional-responsibilities';
    const parsed = parseCitationReference(text);
    expect(parsed).toEqual({
      ok: true,
      reference: { slug: 'social-media-policy', version: '2.0', anchor: 'personal-and-professional-responsibilities' },
    });
    if (parsed.ok) expect(formatCitationReference(parsed.reference)).toBe(text);
    expect(isCitationReference(text)).toBe(true);
  });

  it('accepts any anchor a heading can produce', () => {
    expect(isCitationReference('policy:guide@1.0#café-culture')).toBe(true);
    expect(isCitationReference('policy:guide@1.0#tips--tricks')).toBe(true);
  });

  it.each([
    ['social-media-policy@2.0#scope', /does not start with "policy:"/],
    ['policy:@2.0#scope', /has no document slug/],
    ['policy:Social_Media@2.0#scope', /"Social_Media" is not a document slug/],
    ['policy:social-media-policy#scope', /has no version/],
    ['policy:social-media-policy@2#scope', /"2" is not a version number: use MAJOR.MINOR/],
    ['policy:social-media-policy@2.0', /names no section: add "#<section-anchor>"/],
    ['policy:social-media-policy@2.0#', /names no section/],
    ['policy:social-media-policy@2.0#Scope', /"Scope" is not a section anchor/],
    ['policy:social-media-policy@2.0#a b', /"a b" is not a section anchor/],
  ])('refuses %p with a clear message', (text, message) => {
    const parsed = parseCitationReference(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
    expect(isCitationReference(text)).toBe(false);
  });

  it('will not format a reference that would not parse back', () => {
    expect(() => formatCitationReference({ slug: 'x', version: '1', anchor: 'a' })).toThrow(RangeError);
  });

  it('parses and formats <slug>@<version> for adaptedFrom', () => {
    expect(parseDocumentVersionRef('social-media-policy@2.0')).toEqual({
      ok: true,
      ref: { slug: 'social-media-policy', version: '2.0' },
    });
    expect(formatDocumentVersionRef({ slug: 'social-media-policy', version: '2.0' })).toBe('social-media-policy@2.0');
    const bad = parseDocumentVersionRef('social-media-policy');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/has no version.*expected <document-slug>@<MAJOR.MINOR>/);
  });
});

describe('findCitationReferences', () => {
  const post = [
    'The dual role is the point, not the medium. See the code of conduct',
    '(policy:code-of-business-conduct@1.0#business-and-pecuniary-interests) and',
    '[section 1](policy:social-media-policy@2.0#personal-and-professional-responsibilities).',
    'Also <policy:code-of-business-conduct@1.0#line-manager-outcomes>, **policy:social-media-policy@3.0#scope**.',
    'Our policy: be kind. A URL like https://example.org/policy:x is not a citation.',
  ].join('\n');

  it('finds every reference with offsets into the original text', () => {
    const found = findCitationReferences(post);
    expect(found.map((match) => match.raw)).toEqual([
      'policy:code-of-business-conduct@1.0#business-and-pecuniary-interests',
      'policy:social-media-policy@2.0#personal-and-professional-responsibilities',
      'policy:code-of-business-conduct@1.0#line-manager-outcomes',
      'policy:social-media-policy@3.0#scope',
    ]);
    for (const match of found) expect(post.slice(match.start, match.end)).toBe(match.raw);
    expect(found[1]?.reference).toEqual({
      slug: 'social-media-policy',
      version: '2.0',
      anchor: 'personal-and-professional-responsibilities',
    });
  });

  it('does not take in a full stop or colon that ends the sentence', () => {
    const text = 'As policy:social-media-policy@2.0#scope. says, and policy:social-media-policy@2.0#scope: too';
    expect(findCitationReferences(text).map((match) => match.raw)).toEqual([
      'policy:social-media-policy@2.0#scope',
      'policy:social-media-policy@2.0#scope',
    ]);
  });

  it('ignores references shown as code', () => {
    const text = [
      'Write `policy:slug@1.0#anchor` to cite. ``policy:a@1.0#b``',
      '```',
      'policy:social-media-policy@2.0#scope',
      '```',
      'policy:social-media-policy@2.0#after-the-fence',
    ].join('\n');
    expect(findCitationReferences(text).map((match) => match.reference.anchor)).toEqual(['after-the-fence']);
  });

  it('reports malformed references separately, with the same offsets', () => {
    const text = 'See policy:social-media-policy@2#scope and policy:social-media-policy@2.0.';
    const { references, problems } = scanCitationReferences(text);
    expect(references).toEqual([]);
    expect(problems.map((problem) => [problem.raw, problem.error])).toEqual([
      ['policy:social-media-policy@2#scope', expect.stringMatching(/"2" is not a version number/)],
      ['policy:social-media-policy@2.0', expect.stringMatching(/names no section/)],
    ]);
    expect(text.slice(problems[0]?.start, problems[0]?.end)).toBe('policy:social-media-policy@2#scope');
  });
});

describe('length bounds (checked before any pattern reads the text)', () => {
  const slug = `s${'-x'.repeat(49)}p`; // 100 characters
  const version = `${'9'.repeat(9)}.${'9'.repeat(10)}`; // 20 characters
  const anchor = 'a'.repeat(300);

  it('accepts every part at its longest, and nothing longer overall', () => {
    const longest = `policy:${slug}@${version}#${anchor}`;
    expect(longest).toHaveLength(MAX_CITATION_REFERENCE_LENGTH);
    expect(parseCitationReference(longest)).toEqual({ ok: true, reference: { slug, version, anchor } });
    expect(formatCitationReference({ slug, version, anchor })).toBe(longest);
  });

  it.each([
    [`policy:${slug}x@1.0#scope`, /the document slug "s-x-x.*…" is longer than 100 characters/],
    [`policy:a@${version}1#scope`, /is not a version number/],
    [`policy:a@1.0#${anchor}a`, /the section anchor "a{40}…" is longer than 300 characters/],
    [`policy:${slug}@${version}#${anchor}a`, /is longer than 429 characters, so it is not a citation reference/],
  ])('refuses an over-long part with a short message: %#', (text, message) => {
    const parsed = parseCitationReference(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(message);
      expect(parsed.error.length).toBeLessThan(250);
    }
  });

  it('will not format a reference with an over-long part', () => {
    expect(() => formatCitationReference({ slug, version, anchor: `${anchor}a` })).toThrow(RangeError);
  });

  it('reports an over-long candidate in a post as one problem, with exact offsets', () => {
    const candidate = `policy:${'a-'.repeat(5_000)}a@1.0#scope`;
    const text = `See ${candidate}. Then policy:social-media-policy@2.0#scope.`;
    const { references, problems } = scanCitationReferences(text);
    expect(references.map((found) => found.raw)).toEqual(['policy:social-media-policy@2.0#scope']);
    expect(problems).toEqual([{ raw: candidate, start: 4, end: 4 + candidate.length, error: expect.stringMatching(/is longer than 429 characters/) }]);
  });

  it.each([
    [`${slug}x@1.0`, /the document slug "s-x-x.*…" is longer than 100 characters/],
    [`${slug}@${version}1`, /"s-x-x.*…" is longer than 121 characters/],
  ])('refuses an over-long adaptedFrom: %#', (text, message) => {
    const parsed = parseDocumentVersionRef(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });
});

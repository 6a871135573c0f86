import { formatPolicyFormatError, type PolicyFormatError, type PolicyFormatRule } from './errors.js';
import { parsePolicyVersion, serializePolicyVersion } from './policy-version.js';
import { VALID_BODY, versionFile } from './__fixtures__/version-file.js';

function errorsOf(markdown: string): PolicyFormatError[] {
  const result = parsePolicyVersion(markdown, { file: 'corpus/x/social-media-policy/2.0.md' });
  if (result.ok) throw new Error('expected the file to be refused');
  return result.errors;
}

function expectOnly(markdown: string, rule: PolicyFormatRule, line: number | null, message: string | RegExp): void {
  const errors = errorsOf(markdown);
  expect(errors).toHaveLength(1);
  expect(errors[0]).toEqual({
    rule,
    line,
    file: 'corpus/x/social-media-policy/2.0.md',
    message: expect.stringMatching(message),
  });
}

describe('parsePolicyVersion', () => {
  it('reads the front matter and the sections', () => {
    const result = parsePolicyVersion(versionFile({ adaptedFrom: 'adaptedFrom: other-policy@1.2' }), { file: '2.0.md' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { version } = result;
    expect(version).toMatchObject({
      slug: 'social-media-policy',
      title: 'Social Media Policy and Guidance',
      organisation: 'county-council',
      version: '2.0',
      publishedOn: '2011-02-21',
      summaryOfChanges: 'Refocused on business benefit.',
      contributors: [{ name: 'Sarah Whitfield', role: 'Head of ICT' }],
      licence: 'Adapt it freely, acknowledging the source.',
      adaptedFrom: { slug: 'other-policy', version: '1.2' },
      supersededNotice: null,
      file: '2.0.md',
    });
    expect(version.sections.map((section) => [section.anchor, section.parentAnchor, section.line])).toEqual([
      ['the-policy', null, 17],
      ['scope', 'the-policy', 21],
      ['personal-and-professional-responsibilities', null, 25],
    ]);
  });

  it('keeps a version like 2.10 as written (YAML would make it the number 2.1)', () => {
    const result = parsePolicyVersion(versionFile({ version: 'version: 2.10' }));
    expect(result.ok && result.version.version).toBe('2.10');
  });

  it('round-trips through serializePolicyVersion', () => {
    const first = parsePolicyVersion(versionFile({ supersededNotice: 'supersededNotice: Use this one.' }));
    if (!first.ok) throw new Error('fixture should parse');
    const again = parsePolicyVersion(serializePolicyVersion(first.version, first.version.body));
    if (!again.ok) throw new Error(again.errors.map(formatPolicyFormatError).join('\n'));
    const { sections: before, ...metadataBefore } = first.version;
    const { sections: after, ...metadataAfter } = again.version;
    expect(metadataAfter).toEqual(metadataBefore);
    expect(after).toEqual(before);
  });

  describe('refuses, naming file, line and rule:', () => {
    it('missing-front-matter', () => {
      expectOnly('## Just a section\n', 'missing-front-matter', 1, /must start with YAML front matter/);
      expectOnly('---\nslug: x\n## Section\n', 'missing-front-matter', 1, /never closed/);
    });

    it('invalid-front-matter (YAML syntax and shape)', () => {
      expectOnly(versionFile({ title: 'title: [unclosed' }), 'invalid-front-matter', 4, /.+/);
      expectOnly('---\n- a list\n---\n## S\n', 'invalid-front-matter', 2, /mapping/);
      expect(errorsOf(versionFile({ extra: 'slug: again' })).map((error) => error.rule)).toEqual(['invalid-front-matter']);
    });

    it('unknown-field, with a hint for likely spellings', () => {
      expectOnly(versionFile({ extra: 'license: CC' }), 'unknown-field', 12, /"license" \(did you mean "licence"\?\)/);
    });

    it('missing-field', () => {
      expectOnly(versionFile({ licence: null }), 'missing-field', 1, /"licence" is required/);
    });

    it('invalid-field: empty text, bad slugs, bad contributors', () => {
      expectOnly(versionFile({ title: 'title: ""' }), 'invalid-field', 3, /"title" must be non-empty text/);
      expectOnly(versionFile({ slug: 'slug: Social Media' }), 'invalid-field', 2, /slug "Social Media"/);
      expectOnly(versionFile({ organisation: 'organisation: County Council' }), 'invalid-field', 4, /organisation's slug/);
      expectOnly(versionFile({ contributors: 'contributors: Sarah' }), 'invalid-field', 8, /list of \{ name, role \}/);
      expectOnly(
        versionFile({ contributors: 'contributors:\n  - name: Alan\n    role: Head of ICT\n  - name: Sarah' }),
        'invalid-field',
        11,
        /contributor 2 must have exactly a non-empty "name" and "role"$/,
      );
      expectOnly(
        versionFile({ contributors: 'contributors:\n  - name: Alan\n    role: Head of ICT\n    email: a@b' }),
        'invalid-field',
        9,
        /contributor 1 .*\(unexpected: email\)/,
      );
    });

    it('invalid-version', () => {
      expectOnly(versionFile({ version: 'version: 2' }), 'invalid-version', 5, /version "2" must be MAJOR.MINOR/);
      expectOnly(versionFile({ version: 'version: 2.0.1' }), 'invalid-version', 5, /MAJOR.MINOR/);
    });

    it('invalid-date', () => {
      expectOnly(versionFile({ publishedOn: 'publishedOn: 21/02/2011' }), 'invalid-date', 6, /YYYY-MM-DD/);
      expectOnly(versionFile({ publishedOn: 'publishedOn: 2011-02-30' }), 'invalid-date', 6, /calendar date/);
    });

    it('invalid-adapted-from', () => {
      expectOnly(versionFile({ a: 'adaptedFrom: other-policy' }), 'invalid-adapted-from', 12, /has no version/);
      expectOnly(versionFile({ a: 'adaptedFrom: other@2' }), 'invalid-adapted-from', 12, /"2" is not a version number/);
      expectOnly(versionFile({ a: 'adaptedFrom: social-media-policy@1.0' }), 'invalid-adapted-from', 12, /cannot be adapted from itself/);
    });

    it('content-outside-section', () => {
      expectOnly(versionFile({}, '\n# Title\n\nAn introduction nobody can cite.\n\n## Section\n'), 'content-outside-section', 16, /before the first "##" heading/);
    });

    it('misplaced-title-heading', () => {
      expectOnly(versionFile({}, '\n## Section\n\n# Another title\n'), 'misplaced-title-heading', 16, /only allowed once/);
      expectOnly(versionFile({}, '\n# One\n# Two\n## Section\n'), 'misplaced-title-heading', 15, /only allowed once/);
    });

    it('setext-heading', () => {
      expectOnly(versionFile({}, '\n## Section\n\nUnderlined heading\n------------------\n'), 'setext-heading', 17, /setext/);
    });

    it('empty-section-title', () => {
      expectOnly(versionFile({}, '\n## Section\n\n##\n'), 'empty-section-title', 16, /needs a title/);
      expectOnly(versionFile({}, '\n## Section\n\n## {#anchor-only}\n'), 'empty-section-title', 16, /needs a title/);
    });

    it('invalid-anchor', () => {
      expectOnly(versionFile({}, '\n## Section {#Bad Anchor}\n'), 'invalid-anchor', 14, /explicit anchor/);
      expectOnly(versionFile({}, '\n## ???\n'), 'invalid-anchor', 14, /no letters or digits/);
    });

    it('duplicate-anchor, whether derived or explicit', () => {
      expectOnly(versionFile({}, '\n## Scope\n\n## Scope\n'), 'duplicate-anchor', 16, /"scope" is already used by the section on line 14/);
      expectOnly(versionFile({}, '\n## Scope\n\n## Extent {#scope}\n'), 'duplicate-anchor', 16, /"scope"/);
    });

    it('no-sections', () => {
      expectOnly(versionFile({}, '\n# Title only\n'), 'no-sections', 13, /at least one "##" section/);
    });

    it('every error at once, not just the first', () => {
      const errors = errorsOf(versionFile({ version: 'version: two', licence: null }, '\n## A\n\n## A\n'));
      expect(errors.map((error) => error.rule).sort()).toEqual(['duplicate-anchor', 'invalid-version', 'missing-field']);
    });
  });

  it('formats an error as file:line: message [rule]', () => {
    const [error] = errorsOf(versionFile({ version: 'version: 2' }));
    expect(formatPolicyFormatError(error as PolicyFormatError)).toBe(
      'corpus/x/social-media-policy/2.0.md:5: version "2" must be MAJOR.MINOR, e.g. 1.0 or 2.3 [invalid-version]',
    );
  });

  it('does not read headings inside fenced code as sections', () => {
    const result = parsePolicyVersion(versionFile({}, `${VALID_BODY}\n~~~markdown\n## Example\n~~~\n`));
    expect(result.ok && result.version.sections.map((section) => section.anchor)).toEqual([
      'the-policy',
      'scope',
      'personal-and-professional-responsibilities',
    ]);
  });
});

import { validateDocumentHistory, type HistoryVersion } from './document-history.js';

const base: HistoryVersion = {
  slug: 'social-media-policy',
  title: 'Social Media Policy and Guidance',
  organisation: 'county-council',
  version: '1.0',
  publishedOn: '2010-01-18',
  file: '1.0.md',
};

function at(version: string, publishedOn: string, extra: Partial<HistoryVersion> = {}): HistoryVersion {
  return { ...base, version, publishedOn, file: `${version}.md`, ...extra };
}

describe('validateDocumentHistory', () => {
  it('accepts strictly increasing versions published in order', () => {
    expect(validateDocumentHistory([at('1.0', '2010-01-18'), at('1.1', '2010-06-01'), at('2.0', '2011-02-21')])).toEqual([]);
    expect(validateDocumentHistory([])).toEqual([]);
  });

  it('version-not-increasing', () => {
    expect(validateDocumentHistory([at('2.0', '2011-02-21'), at('1.5', '2011-03-01')])).toEqual([
      {
        rule: 'version-not-increasing',
        file: '1.5.md',
        line: null,
        message: 'version 1.5 (published 2011-03-01) is not greater than version 2.0 published before it (2011-02-21)',
      },
    ]);
  });

  it('duplicate-version', () => {
    const errors = validateDocumentHistory([at('1.0', '2010-01-18'), at('1.0', '2010-02-01', { file: 'copy.md' })]);
    expect(errors).toEqual([
      { rule: 'duplicate-version', file: 'copy.md', line: null, message: 'version 1.0 is published twice (also in 1.0.md)' },
    ]);
  });

  it('published-before-previous', () => {
    const errors = validateDocumentHistory([at('1.0', '2010-01-18'), at('2.0', '2009-12-01')]);
    expect(errors.map((error) => error.rule)).toEqual(['published-before-previous']);
    expect(errors[0]?.message).toBe('version 2.0 is dated 2009-12-01, before version 1.0 (2010-01-18)');
  });

  it('document-mismatch for slug, title and organisation', () => {
    const errors = validateDocumentHistory([
      at('1.0', '2010-01-18'),
      at('2.0', '2011-02-21', { slug: 'other', title: 'Other', organisation: 'parish-council' }),
    ]);
    expect(errors.map((error) => [error.rule, error.file])).toEqual([
      ['document-mismatch', '2.0.md'],
      ['document-mismatch', '2.0.md'],
      ['document-mismatch', '2.0.md'],
    ]);
    expect(errors[2]?.message).toMatch(/organisation "parish-council" but version 1.0 has "county-council"/);
  });

  it('skips ordering checks for a malformed version instead of throwing', () => {
    expect(() => validateDocumentHistory([at('1.0', '2010-01-18'), at('two', '2011-01-01')])).not.toThrow();
  });
});

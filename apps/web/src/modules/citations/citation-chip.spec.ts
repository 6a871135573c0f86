import type { CitationFieldsFragment, CitationStatus } from '../../generated/graphql';
import { citationChipOf, citationStatusText, citationsByReference, policyDiffPath, policySectionPath } from './citation-chip';

const REFERENCE = 'policy:social-media-policy@2.0#personal-and-professional-responsibilities';

function citation(status: CitationStatus, latest = '3.0'): CitationFieldsFragment {
  return {
    __typename: 'Citation',
    id: 'c1',
    reference: REFERENCE,
    status,
    latestReference: null,
    document: { __typename: 'PolicyDocument', id: 'd1', slug: 'social-media-policy', title: 'Social Media Policy and Guidance' },
    version: { __typename: 'PolicyVersion', id: 'v2', version: '2.0' },
    section: { __typename: 'PolicySection', anchor: 'personal-and-professional-responsibilities', title: 'Personal and professional responsibilities' },
    latestVersion: { __typename: 'PolicyVersion', id: 'v3', version: latest },
    changedIn: status === 'CHANGED' || status === 'REMOVED' ? { __typename: 'PolicyVersion', id: 'v3', version: latest } : null,
  };
}

describe('citationStatusText', () => {
  it('says nothing for a current citation and names the latest version otherwise', () => {
    expect(citationStatusText('CURRENT', '3.0')).toBeNull();
    expect(citationStatusText('UNCHANGED', '3.0')).toBe('unchanged in 3.0');
    expect(citationStatusText('CHANGED', '3.0')).toBe('changed in 3.0');
    expect(citationStatusText('REMOVED', '2.1')).toBe('removed in 2.1');
  });

  it('names the version that first changed the section, and the current one when that is later', () => {
    expect(citationStatusText('CHANGED', '2.1', '2.0')).toBe('changed in 2.0; current 2.1');
    expect(citationStatusText('REMOVED', '3.0', '2.0')).toBe('removed in 2.0; current 3.0');
    expect(citationStatusText('CHANGED', '3.0', '3.0')).toBe('changed in 3.0');
    expect(citationStatusText('UNCHANGED', '3.0', null)).toBe('unchanged in 3.0');
  });
});

describe('citationChipOf', () => {
  it('links a changed citation to its section and to the diff at that section', () => {
    const chip = citationChipOf(REFERENCE, citation('CHANGED'));
    expect(chip).toEqual({
      reference: REFERENCE,
      href: '/policies/social-media-policy/2.0#personal-and-professional-responsibilities',
      documentLabel: 'Social Media Policy and Guidance',
      version: '2.0',
      sectionLabel: 'Personal and professional responsibilities',
      status: 'CHANGED',
      statusText: 'changed in 3.0',
      statusHref: '/policies/social-media-policy/diff?from=2.0&to=3.0#personal-and-professional-responsibilities',
    });
  });

  it('links an unchanged citation to the same section in the latest version', () => {
    expect(citationChipOf(REFERENCE, citation('UNCHANGED'))?.statusHref).toBe('/policies/social-media-policy/3.0#personal-and-professional-responsibilities');
  });

  it('sends a removed citation to the diff too', () => {
    expect(citationChipOf(REFERENCE, citation('REMOVED'))?.statusHref).toMatch(/\/diff\?from=2\.0&to=3\.0#/);
  });

  it('has no status link for a current citation', () => {
    const chip = citationChipOf(REFERENCE, citation('CURRENT', '2.0'));
    expect(chip?.statusText).toBeNull();
    expect(chip?.statusHref).toBeNull();
  });

  it('falls back to the reference itself before the API has resolved it', () => {
    expect(citationChipOf('policy:code-of-business-conduct@1.0#line-manager-outcomes', undefined)).toMatchObject({
      href: '/policies/code-of-business-conduct/1.0#line-manager-outcomes',
      documentLabel: 'code-of-business-conduct',
      sectionLabel: 'line-manager-outcomes',
      status: null,
    });
  });

  it('gives no chip for a malformed reference', () => {
    expect(citationChipOf('policy:Not A Slug', undefined)).toBeNull();
    expect(citationChipOf('policy:social-media-policy#scope', undefined)).toBeNull();
  });
});

describe('paths', () => {
  it('encodes what it puts in a path', () => {
    expect(policySectionPath('a', '1.0', 'b')).toBe('/policies/a/1.0#b');
    expect(policyDiffPath('a', '1.0', '2.0')).toBe('/policies/a/diff?from=1.0&to=2.0');
  });
});

describe('citationsByReference', () => {
  it('keys citations by reference', () => {
    const map = citationsByReference([citation('CHANGED')]);
    expect(map.get(REFERENCE)?.status).toBe('CHANGED');
    expect(citationsByReference(undefined).size).toBe(0);
  });
});

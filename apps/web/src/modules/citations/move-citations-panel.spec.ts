import type { CitationFieldsFragment, CitationStatus } from '../../generated/graphql';
import { movableCitations } from './move-citations-panel';

function citation(reference: string, status: CitationStatus): CitationFieldsFragment {
  return {
    __typename: 'Citation',
    id: reference,
    reference,
    status,
    latestReference: null,
    document: { __typename: 'PolicyDocument', id: 'd', slug: 'social-media-policy', title: 'Social Media Policy and Guidance' },
    version: { __typename: 'PolicyVersion', id: 'v2', version: '2.0' },
    section: { __typename: 'PolicySection', anchor: reference, title: reference },
    latestVersion: { __typename: 'PolicyVersion', id: 'v3', version: '3.0' },
    changedIn: status === 'CHANGED' || status === 'REMOVED' ? { __typename: 'PolicyVersion', id: 'v3', version: '3.0' } : null,
  };
}

describe('movableCitations', () => {
  it('offers to move changed and unchanged citations, not current or removed ones', () => {
    const citations = [citation('a', 'CHANGED'), citation('b', 'CURRENT'), citation('c', 'UNCHANGED'), citation('d', 'REMOVED')];
    expect(movableCitations(citations).map((each) => each.reference)).toEqual(['a', 'c']);
  });
});

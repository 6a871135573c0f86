import type { CitationFieldsFragment, CitationStatus } from '../../generated/graphql';
import { movableCitations } from './move-citations-panel';

function citation(reference: string, status: CitationStatus): CitationFieldsFragment {
  return {
    id: reference,
    reference,
    status,
    latestReference: null,
    document: { id: 'd', slug: 'social-media-policy', title: 'Social Media Policy and Guidance' },
    version: { id: 'v2', version: '2.0' },
    section: { anchor: reference, title: reference },
    latestVersion: { id: 'v3', version: '3.0' },
  };
}

describe('movableCitations', () => {
  it('offers to move changed and unchanged citations, not current or removed ones', () => {
    const citations = [citation('a', 'CHANGED'), citation('b', 'CURRENT'), citation('c', 'UNCHANGED'), citation('d', 'REMOVED')];
    expect(movableCitations(citations).map((each) => each.reference)).toEqual(['a', 'c']);
  });
});

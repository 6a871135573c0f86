import { citationLabel, citationMarkdownLink } from './citation-label.js';
import { findCitationReferences } from './citation-reference.js';

const names = { documentTitle: 'Social Media Policy and Guidance', version: '2.0', sectionTitle: 'Personal and professional responsibilities' };
const reference = { slug: 'social-media-policy', version: '2.0', anchor: 'personal-and-professional-responsibilities' };

describe('citationLabel', () => {
  it('names the document, the version and the section', () => {
    expect(citationLabel(names)).toBe('Social Media Policy and Guidance 2.0 § Personal and professional responsibilities');
  });
});

describe('citationMarkdownLink', () => {
  it('is a Markdown link from the label to the reference', () => {
    expect(citationMarkdownLink(reference, names)).toBe(
      '[Social Media Policy and Guidance 2.0 § Personal and professional responsibilities](policy:social-media-policy@2.0#personal-and-professional-responsibilities)',
    );
  });

  it('escapes brackets in titles so the link stays one link', () => {
    const link = citationMarkdownLink(reference, { ...names, sectionTitle: 'Annex [A] \\ notes' });
    expect(link).toBe('[Social Media Policy and Guidance 2.0 § Annex \\[A\\] \\\\ notes](policy:social-media-policy@2.0#personal-and-professional-responsibilities)');
  });

  it('holds exactly one citation reference, the one given', () => {
    expect(findCitationReferences(citationMarkdownLink(reference, names)).map((found) => found.raw)).toEqual([
      'policy:social-media-policy@2.0#personal-and-professional-responsibilities',
    ]);
  });
});

import { inMailOrder, type DigestSectionContributor } from './digest-content.js';
import { digestSections } from './digest-sections.js';

const section = (key: string, order: number): DigestSectionContributor => ({ key, order, sections: () => Promise.resolve([]) });

describe('the list of digest sections', () => {
  it('is in the order of the mail, each section once', () => {
    expect(digestSections.map((s) => s.key)).toEqual(['new-questions', 'watched-questions', 'policy-versions', 'stale-citations']);
  });

  it('sorts by order and refuses a section listed twice', () => {
    expect(inMailOrder([section('b', 20), section('a', 10)]).map((s) => s.key)).toEqual(['a', 'b']);
    expect(() => inMailOrder([section('a', 10), section('a', 20)])).toThrow('digest sections listed twice: a');
  });
});

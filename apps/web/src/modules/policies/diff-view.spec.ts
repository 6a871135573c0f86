import { bodyWordsOf, countChanges, describeCounts, groupDiffSections, sidesOf, type DiffSection } from './diff-view';

function section(anchor: string, change: DiffSection['change'], extra: Partial<DiffSection> = {}): DiffSection {
  return { anchor, title: anchor, change, moved: false, words: [], titleWords: [], ...extra };
}

describe('groupDiffSections', () => {
  it('folds runs of unchanged sections and keeps every other section on its own, in order', () => {
    const groups = groupDiffSections([
      section('introduction', 'CHANGED'),
      section('purpose', 'UNCHANGED'),
      section('scope', 'UNCHANGED'),
      section('mobile-devices', 'ADDED'),
      section('choosing-the-right-tool', 'REMOVED'),
      section('useful-contacts', 'UNCHANGED'),
    ]);
    expect(groups.map((group) => (group.kind === 'section' ? group.section.anchor : group.sections.map((s) => s.anchor)))).toEqual([
      'introduction',
      ['purpose', 'scope'],
      'mobile-devices',
      'choosing-the-right-tool',
      ['useful-contacts'],
    ]);
  });

  it('gives nothing for no sections', () => {
    expect(groupDiffSections([])).toEqual([]);
  });
});

describe('countChanges and describeCounts', () => {
  it('counts each kind and describes the non-zero ones, changes first', () => {
    const counts = countChanges([section('a', 'CHANGED'), section('b', 'UNCHANGED'), section('c', 'UNCHANGED'), section('d', 'MOVED')]);
    expect(counts).toEqual({ ADDED: 0, REMOVED: 0, CHANGED: 1, MOVED: 1, UNCHANGED: 2 });
    expect(describeCounts(counts)).toBe('1 changed, 1 moved, 2 unchanged');
    expect(describeCounts(countChanges([]))).toBe('no sections');
  });
});

describe('bodyWordsOf', () => {
  it('uses the words the API sent', () => {
    const words = [{ kind: 'SAME' as const, text: 'keep ' }, { kind: 'ADDED' as const, text: 'new' }];
    expect(bodyWordsOf(section('a', 'CHANGED', { words, fromBody: 'x', toBody: 'y' }))).toEqual(words);
  });

  it('computes words from the two bodies when the API sent none', () => {
    const runs = bodyWordsOf(section('a', 'CHANGED', { fromBody: 'Staff must declare roles.', toBody: 'Staff must declare outside roles.' }));
    expect(runs.filter((run) => run.kind === 'ADDED').map((run) => run.text.trim())).toEqual(['outside']);
    expect(runs.filter((run) => run.kind === 'REMOVED')).toEqual([]);
  });

  it('has no words for a section that did not change', () => {
    expect(bodyWordsOf(section('a', 'UNCHANGED', { fromBody: 'x', toBody: 'x' }))).toEqual([]);
  });
});

describe('sidesOf', () => {
  it('splits a word diff into the old and the new text', () => {
    const sides = sidesOf([
      { kind: 'SAME', text: 'Use ' },
      { kind: 'REMOVED', text: 'Twitter' },
      { kind: 'ADDED', text: 'social media' },
      { kind: 'SAME', text: ' wisely' },
    ]);
    expect(sides.from.map((run) => run.text).join('')).toBe('Use Twitter wisely');
    expect(sides.to.map((run) => run.text).join('')).toBe('Use social media wisely');
  });

  it('keeps a space where a dropped run held the only one between two words', () => {
    const sides = sidesOf([
      { kind: 'SAME', text: 'in your own time' },
      { kind: 'ADDED', text: ' spent online ' },
      { kind: 'REMOVED', text: ' ' },
      { kind: 'SAME', text: 'can still' },
    ]);
    expect(sides.from.map((run) => run.text).join('')).toBe('in your own time can still');
    expect(sides.to.map((run) => run.text).join('')).toBe('in your own time spent online can still');
  });
});

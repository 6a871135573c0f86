import { bodyRowsOf, countChanges, describeCounts, diffRowsOf, groupDiffSections, sideOf, titleSidesOf, type DiffSection } from './diff-view';

function section(anchor: string, change: DiffSection['change'], extra: Partial<DiffSection> = {}): DiffSection {
  return { anchor, title: anchor, change, moved: false, ...extra };
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

describe('sideOf', () => {
  const runs = [
    { kind: 'same' as const, text: 'Use ', fromText: 'Use\n' },
    { kind: 'removed' as const, text: 'Twitter' },
    { kind: 'added' as const, text: 'social media' },
    { kind: 'same' as const, text: ' wisely.' },
  ];

  it('gives each side exactly as written, the old one with its own line breaks', () => {
    expect(sideOf(runs, 'from')).toEqual([
      { text: 'Use\n', changed: false },
      { text: 'Twitter', changed: true },
      { text: ' wisely.', changed: false },
    ]);
    expect(sideOf(runs, 'to')).toEqual([
      { text: 'Use ', changed: false },
      { text: 'social media', changed: true },
      { text: ' wisely.', changed: false },
    ]);
  });

  it('does not highlight a change of whitespace alone', () => {
    expect(sideOf([{ kind: 'same', text: 'a.' }, { kind: 'removed', text: '\n\n' }], 'from')).toEqual([{ text: 'a.\n\n', changed: false }]);
  });
});

describe('diffRowsOf and bodyRowsOf', () => {
  it('puts consecutive removed and added paragraphs in one row, beside each other', () => {
    const rows = diffRowsOf([
      { kind: 'same', from: 'Kept.\n\n', to: 'Kept.\n\n' },
      { kind: 'removed', from: 'Old one.\n\n' },
      { kind: 'added', to: 'New one.\n\n' },
      { kind: 'removed', from: 'Old two.\n\n' },
      { kind: 'changed', from: 'A b.', to: 'A c.', words: [{ kind: 'same', text: 'A ' }, { kind: 'removed', text: 'b' }, { kind: 'added', text: 'c' }, { kind: 'same', text: '.' }] },
    ]);
    expect(rows.map((row) => row.kind)).toEqual(['same', 'replaced', 'changed']);
    expect(rows[1]).toEqual({ kind: 'replaced', removed: ['Old one.\n\n', 'Old two.\n\n'], added: ['New one.\n\n'] });
  });

  it('compares a changed section paragraph by paragraph, from the two bodies', () => {
    const rows = bodyRowsOf(
      section('scope', 'CHANGED', {
        fromBody: 'Applies to all employees.\n\nAn unrelated old paragraph about blogs.',
        toBody: 'Applies to all employees and volunteers.\n\nThe dual role is the point, not the medium.',
      }),
    );
    expect(rows.map((row) => row.kind)).toEqual(['changed', 'replaced']);
    const changed = rows[0];
    if (changed?.kind !== 'changed') throw new Error('expected a changed paragraph');
    expect(changed.to.filter((piece) => piece.changed).map((piece) => piece.text)).toEqual([' and volunteers']);
  });

  it('has no rows for a section that did not change', () => {
    expect(bodyRowsOf(section('a', 'UNCHANGED', { fromBody: 'x', toBody: 'x' }))).toEqual([]);
  });
});

describe('titleSidesOf', () => {
  it('diffs a reworded heading, and nothing for one that only changed its spacing', () => {
    const sides = titleSidesOf(section('personal-use', 'CHANGED', { title: 'Personal and professional use', fromTitle: 'Personal use' }));
    expect(sides?.to.map((piece) => [piece.text, piece.changed])).toEqual([
      ['Personal ', false],
      ['and professional ', true],
      ['use', false],
    ]);
    expect(titleSidesOf(section('a', 'CHANGED', { title: 'Personal use', fromTitle: 'Personal  use' }))).toBeNull();
  });
});

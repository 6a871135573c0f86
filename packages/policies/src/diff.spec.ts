import { citationStatus, countSectionChanges, diffPolicyVersions, sectionChangeBetween } from './diff.js';
import { fnv1a64, sectionFingerprint } from './fingerprint.js';
import { parseSections } from './sections.js';

function version(markdown: string, number = '1.0'): { version: string; sections: ReturnType<typeof parseSections> } {
  return { version: number, sections: parseSections(markdown) };
}

const from = version(`
## Intro
Welcome to the policy.

## Scope
All employees of the council.

## Tools
Use Twitter carefully.

## Contacts
Corporate Communications.

### Out of hours
Call the duty officer.
`);

const to = version(
  `
## Intro
Welcome   to the
policy.

## Contacts
Corporate Communications.

## Scope
All staff of the council.

## Mobile devices
Use a managed phone.

## Appendix

### Out of hours
Call the duty officer.
`,
  '2.0',
);

describe('diffPolicyVersions', () => {
  const changes = diffPolicyVersions(from, to);
  const kinds = Object.fromEntries(changes.map((change) => [change.anchor, change.change]));

  it('classifies each section by anchor', () => {
    expect(kinds).toEqual({
      intro: 'UNCHANGED',
      contacts: 'UNCHANGED',
      scope: 'CHANGED',
      tools: 'REMOVED',
      'mobile-devices': 'ADDED',
      appendix: 'ADDED',
      'out-of-hours': 'MOVED',
    });
    expect(countSectionChanges(changes)).toEqual({ ADDED: 2, REMOVED: 1, CHANGED: 1, UNCHANGED: 2, MOVED: 1 });
  });

  it('orders by the to-version, with a removed section after the one it used to follow', () => {
    expect(changes.map((change) => change.anchor)).toEqual([
      'intro',
      'contacts',
      'scope',
      'tools',
      'mobile-devices',
      'appendix',
      'out-of-hours',
    ]);
  });

  it('treats whitespace-only edits as unchanged', () => {
    expect(changes[0]).toMatchObject({ anchor: 'intro', change: 'UNCHANGED', moved: false });
    expect(changes[0]?.words).toBeUndefined();
  });

  it('gives a changed section a word diff of its body', () => {
    const scope = changes.find((change) => change.anchor === 'scope');
    expect(scope?.words).toEqual([
      { kind: 'same', text: 'All ' },
      { kind: 'removed', text: 'employees' },
      { kind: 'added', text: 'staff' },
      { kind: 'same', text: ' of the council.' },
    ]);
    expect(scope?.titleWords).toBeUndefined();
    expect(scope?.blocks).toEqual([{ kind: 'changed', from: 'All employees of the council.', to: 'All staff of the council.', words: scope?.words }]);
  });

  it('records where moved sections were and are', () => {
    const outOfHours = changes.find((change) => change.anchor === 'out-of-hours');
    expect(outOfHours?.from).toEqual({ title: 'Out of hours', level: 3, parentAnchor: 'contacts', position: 4 });
    expect(outOfHours?.to).toEqual({ title: 'Out of hours', level: 3, parentAnchor: 'appendix', position: 5 });
    const tools = changes.find((change) => change.anchor === 'tools');
    expect(tools).toMatchObject({ to: null, from: { position: 2 } });
  });

  it('diffs a reworded heading that kept its anchor', () => {
    const renamed = diffPolicyVersions(
      version('## Personal use {#personal-use}\nSame text.'),
      version('## Personal and professional use {#personal-use}\nSame text.'),
    );
    expect(renamed).toHaveLength(1);
    expect(renamed[0]).toMatchObject({ change: 'CHANGED', title: 'Personal and professional use' });
    expect(renamed[0]?.titleWords).toEqual([
      { kind: 'same', text: 'Personal ' },
      { kind: 'added', text: 'and professional ' },
      { kind: 'same', text: 'use' },
    ]);
    expect(renamed[0]?.words).toEqual([{ kind: 'same', text: 'Same text.' }]);
  });

  it('reports a section out of order among the common sections as MOVED', () => {
    const result = diffPolicyVersions(version('## A\na\n## B\nb\n## C\nc\n'), version('## B\nb\n## C\nc\n## A\na\n'));
    expect(result.map((change) => [change.anchor, change.change])).toEqual([
      ['b', 'UNCHANGED'],
      ['c', 'UNCHANGED'],
      ['a', 'MOVED'],
    ]);
  });

  it('puts an ambiguous move on the section that also changed: CHANGED, flagged as moved', () => {
    const result = diffPolicyVersions(version('## A\na\n## B\nb\n'), version('## B\nb, revised\n## A\na\n'));
    expect(result.map((change) => [change.anchor, change.change, change.moved])).toEqual([
      ['b', 'CHANGED', true],
      ['a', 'UNCHANGED', false],
    ]);
  });

  it('handles everything removed or everything added', () => {
    expect(diffPolicyVersions(from, { sections: [] }).every((change) => change.change === 'REMOVED')).toBe(true);
    expect(diffPolicyVersions({ sections: [] }, to).map((change) => change.anchor)).toEqual(
      to.sections.map((section) => section.anchor),
    );
  });
});

describe('sectionChangeBetween and citationStatus', () => {
  it('answers whether the cited section changed', () => {
    expect(sectionChangeBetween(from, to, 'intro')).toBe('UNCHANGED');
    expect(sectionChangeBetween(from, to, 'out-of-hours')).toBe('UNCHANGED');
    expect(sectionChangeBetween(from, to, 'scope')).toBe('CHANGED');
    expect(sectionChangeBetween(from, to, 'tools')).toBe('REMOVED');
    expect(() => sectionChangeBetween(from, to, 'mobile-devices')).toThrow('the cited version has no section "mobile-devices"');
  });

  it('says CURRENT when the cited version is the latest', () => {
    expect(citationStatus(to, to, 'scope')).toBe('CURRENT');
    expect(citationStatus(from, to, 'scope')).toBe('CHANGED');
    expect(citationStatus(from, to, 'tools')).toBe('REMOVED');
    expect(() => citationStatus(to, to, 'tools')).toThrow(RangeError);
  });
});

describe('sectionFingerprint', () => {
  it('is stable across whitespace and changes with the wording or the title', () => {
    const section = { title: 'Scope', body: 'All employees\nof the council.' };
    const fingerprint = sectionFingerprint(section);
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(sectionFingerprint({ title: ' Scope ', body: '  All   employees of\n\nthe council. ' })).toBe(fingerprint);
    expect(sectionFingerprint({ ...section, body: 'All staff of the council.' })).not.toBe(fingerprint);
    expect(sectionFingerprint({ ...section, title: 'Extent' })).not.toBe(fingerprint);
    expect(sectionFingerprint({ title: 'Scope All', body: 'employees of the council.' })).not.toBe(fingerprint);
  });

  it('is the published FNV-1a value (stored by the api, so it must never drift)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
    expect(sectionFingerprint({ title: 'Scope', body: 'All employees.' })).toBe(fnv1a64('Scope\u0000All employees.'));
    expect(sectionFingerprint({ title: 'Café', body: 'naïve – “quoted”' })).toBe(
      sectionFingerprint({ title: 'Cafe\u0301', body: 'nai\u0308ve – “quoted”' }),
    );
  });
});

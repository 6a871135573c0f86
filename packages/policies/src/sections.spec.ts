import { MAX_ANCHOR_LENGTH, isValidAnchor, slugifyHeading } from './anchor.js';
import { MAX_HEADING_LINE_LENGTH, buildSectionTree, parsePolicyBody, parseSections } from './sections.js';

describe('slugifyHeading', () => {
  it.each([
    ['Personal and professional responsibilities', 'personal-and-professional-responsibilities'],
    ['Guidance section 2: Tips & tricks', 'guidance-section-2-tips--tricks'],
    ['Use of *Twitter* and `YouTube`', 'use-of-twitter-and-youtube'],
    ['See [the code](policy:code@1.0#x)', 'see-the-code'],
    ['Café culture', 'café-culture'],
    ['snake_case stays', 'snake_case-stays'],
    ['  Trimmed  ', 'trimmed'],
  ])('%p -> %p', (heading, anchor) => {
    expect(slugifyHeading(heading)).toBe(anchor);
  });
});

describe('parseSections', () => {
  const body = [
    '# Document title',
    '',
    '## Part one',
    '',
    'Intro to part one.',
    '',
    '### Detail A {#detail-a}',
    'Text A',
    '  second line   ',
    '',
    '#### Deeper',
    'Deep text.',
    '### Detail B ###',
    '',
    '## Part two',
    '```',
    '## not a heading inside a fence',
    '```',
    '',
  ].join('\n');

  it('lists sections in document order with levels, parents and positions', () => {
    const sections = parseSections(body);
    expect(sections.map(({ anchor, title, level, parentAnchor, position }) => ({ anchor, title, level, parentAnchor, position }))).toEqual([
      { anchor: 'part-one', title: 'Part one', level: 2, parentAnchor: null, position: 0 },
      { anchor: 'detail-a', title: 'Detail A', level: 3, parentAnchor: 'part-one', position: 1 },
      { anchor: 'deeper', title: 'Deeper', level: 4, parentAnchor: 'detail-a', position: 2 },
      { anchor: 'detail-b', title: 'Detail B', level: 3, parentAnchor: 'part-one', position: 3 },
      { anchor: 'part-two', title: 'Part two', level: 2, parentAnchor: null, position: 4 },
    ]);
  });

  it('takes the body up to the next heading of any level, without blank edge lines', () => {
    const [partOne, detailA, , detailB, partTwo] = parseSections(body);
    expect(partOne?.body).toBe('Intro to part one.');
    expect(detailA?.body).toBe('Text A\n  second line');
    expect(detailB?.body).toBe('');
    expect(partTwo?.body).toBe('```\n## not a heading inside a fence\n```');
  });

  it('reports lines, shifted by the front matter when asked', () => {
    expect(parseSections(body).map((section) => section.line)).toEqual([3, 7, 11, 13, 15]);
    expect(parseSections(body, { lineOffset: 10 })[0]?.line).toBe(13);
  });

  it('treats CRLF like LF', () => {
    expect(parseSections(body.replace(/\n/g, '\r\n'))).toEqual(parseSections(body));
  });

  it('builds a tree from the flat list', () => {
    const tree = buildSectionTree(parseSections(body));
    expect(tree.map((node) => node.anchor)).toEqual(['part-one', 'part-two']);
    expect(tree[0]?.children.map((node) => node.anchor)).toEqual(['detail-a', 'detail-b']);
    expect(tree[0]?.children[0]?.children.map((node) => node.anchor)).toEqual(['deeper']);
  });

  it('accepts a draft body without a title heading', () => {
    const result = parsePolicyBody('## Only section\n\nText.\n');
    expect(result.ok).toBe(true);
  });

  it('is best effort: duplicates are still listed, and parsePolicyBody reports them', () => {
    const draft = '## Same\n\nOne.\n\n## Same\n\nTwo.\n';
    expect(parseSections(draft).map((section) => section.anchor)).toEqual(['same', 'same']);
    const result = parsePolicyBody(draft, { file: 'draft.md' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        {
          rule: 'duplicate-anchor',
          file: 'draft.md',
          line: 5,
          message: expect.stringContaining('already used by the section on line 1'),
        },
      ]);
    }
  });
});

describe('heading length', () => {
  const heading = (length: number): string => `## ${'Word '.repeat(length)}`.slice(0, length - 1) + 'x';

  it('accepts a heading line of 300 characters, and its anchor can be cited', () => {
    const line = heading(MAX_HEADING_LINE_LENGTH);
    expect(line).toHaveLength(300);
    const result = parsePolicyBody(`${line}\n\nText.\n`);
    expect(result.ok).toBe(true);
    const anchor = result.sections[0]?.anchor ?? '';
    expect(anchor.length).toBeLessThanOrEqual(MAX_ANCHOR_LENGTH);
    expect(isValidAnchor(anchor)).toBe(true);
  });

  it('refuses a longer one with its line and a plain message, and still lists the section', () => {
    const result = parsePolicyBody(`## Intro\n\nText.\n\n${heading(301)} {#long}\n\nMore.\n`, { file: 'draft.md' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        {
          rule: 'heading-too-long',
          file: 'draft.md',
          line: 5,
          message: "a heading line may be at most 300 characters, and this one has 309: shorten the heading and put the detail in the section's text",
        },
      ]);
    }
    expect(result.sections.map((section) => [section.anchor, section.body])).toEqual([
      ['intro', 'Text.'],
      ['long', 'More.'],
    ]);
  });

  it('keeps an anchor within the limit even when lower-casing lengthens the heading', () => {
    const result = parsePolicyBody(`## ${'İ'.repeat(200)}\n\nText.\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((error) => error.rule)).toEqual(['invalid-anchor']);
  });
});

import { insertCitation, matchesQuery } from './insert-citation';

const REFERENCE = 'policy:code-of-business-conduct@1.0#line-manager-outcomes';

describe('insertCitation', () => {
  it('inserts a link labelled with the section title at the caret, spacing it from the words around it', () => {
    const text = 'See the outcomes.';
    const caret = 'See'.length;
    const result = insertCitation(text, caret, caret, REFERENCE, 'Line manager outcomes');
    expect(result.text).toBe(`See [Line manager outcomes](${REFERENCE}) the outcomes.`);
    expect(result.text.slice(0, result.cursor)).toBe(`See [Line manager outcomes](${REFERENCE})`);
  });

  it('adds a space before when the caret is glued to a word, and none before punctuation', () => {
    const result = insertCitation('covered by.', 10, 10, REFERENCE, 'Outcomes');
    expect(result.text).toBe(`covered by [Outcomes](${REFERENCE}).`);
  });

  it('turns the selection into the label', () => {
    const text = 'the three outcomes apply';
    const start = text.indexOf('three outcomes');
    const result = insertCitation(text, start, start + 'three outcomes'.length, REFERENCE, 'Line manager outcomes');
    expect(result.text).toBe(`the [three outcomes](${REFERENCE}) apply`);
  });

  it('escapes brackets in the label', () => {
    expect(insertCitation('', 0, 0, REFERENCE, 'Outcomes [draft]').text).toBe(`[Outcomes \\[draft\\]](${REFERENCE})`);
  });

  it('works in an empty editor and clamps a caret beyond the end', () => {
    expect(insertCitation('', 0, 0, REFERENCE, 'A').text).toBe(`[A](${REFERENCE})`);
    expect(insertCitation('x', 99, 99, REFERENCE, 'A')).toEqual({ text: `x [A](${REFERENCE})`, cursor: `x [A](${REFERENCE})`.length });
  });
});

describe('matchesQuery', () => {
  it('needs every word, in any order and case', () => {
    expect(matchesQuery('Social Media Policy and Guidance', 'media social')).toBe(true);
    expect(matchesQuery('Social Media Policy and Guidance', 'media conduct')).toBe(false);
    expect(matchesQuery('anything', '  ')).toBe(true);
  });
});

import { excerpt, plainText, plainTextExcerpt } from './plain-text';

describe('plainText', () => {
  it('keeps the words a reader sees and drops the Markdown around them', () => {
    const markdown = [
      '## Dual roles',
      '',
      'An officer who is **also** a _parish councillor_ should read [section 1](policy:social-media@2.0#personal) and `the code`.',
      '',
      '- declare the interest',
      '- talk to the line manager',
      '',
      '> The dual role is the point, not the medium.',
      '',
      '![diagram](https://example.org/d.png)',
      '',
      '```',
      'const ignored = true;',
      '```',
      '',
      '<div>raw html</div>',
      '',
      '| role | outcome |',
      '| --- | --- |',
      '| governor | no effect |',
    ].join('\n');
    expect(plainText(markdown)).toBe(
      'Dual roles An officer who is also a parish councillor should read section 1 and the code. declare the interest talk to the line manager The dual role is the point, not the medium. role outcome governor no effect',
    );
  });

  it('keeps escaped characters as the characters', () => {
    expect(plainText('5 \\* 3 \\_not emphasis\\_')).toBe('5 * 3 _not emphasis_');
  });
});

describe('plainTextExcerpt', () => {
  const longPost = `**Purdah** starts six weeks before polling day. ${'During it the council publishes nothing that could be seen as favouring a candidate. '.repeat(4)}`;

  it('cuts at a word boundary within 160 characters and marks the cut', () => {
    const description = plainTextExcerpt(longPost);
    expect(description.length).toBeLessThanOrEqual(160);
    expect(description.endsWith('…')).toBe(true);
    const words = description.slice(0, -1);
    expect(plainText(longPost).startsWith(words)).toBe(true);
    // The character after the kept words in the full text is a space: no word was split.
    expect(plainText(longPost)[words.length]).toBe(' ');
    expect(description.startsWith('Purdah starts')).toBe(true);
  });

  it('leaves a short post whole', () => {
    expect(plainTextExcerpt('Is *this* covered?')).toBe('Is this covered?');
  });

  it('cuts a single very long word rather than leaving almost nothing', () => {
    const url = `https://example.org/${'a'.repeat(300)}`;
    const description = excerpt(`See ${url}`, 50);
    expect(description).toHaveLength(50);
    expect(description.startsWith('See https://example.org/aaa')).toBe(true);
  });

  it('does not leave punctuation dangling before the ellipsis', () => {
    expect(excerpt('one two, three four five six seven', 12)).toBe('one two…');
  });
});

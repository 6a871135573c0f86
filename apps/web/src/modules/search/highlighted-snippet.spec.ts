import { decodeCharacterReferences, parseHighlightedSnippet } from './highlighted-snippet';

describe('parseHighlightedSnippet', () => {
  it('splits marked words from the rest', () => {
    expect(parseHighlightedSnippet('officers who are <mark>parish</mark> <mark>councillors</mark>.')).toEqual([
      { text: 'officers who are ', highlighted: false },
      { text: 'parish', highlighted: true },
      { text: ' ', highlighted: false },
      { text: 'councillors', highlighted: true },
      { text: '.', highlighted: false },
    ]);
  });

  it('keeps any other markup as plain text', () => {
    expect(parseHighlightedSnippet('<script>alert(1)</script> <mark><img src=x onerror=alert(1)></mark>')).toEqual([
      { text: '<script>alert(1)</script> ', highlighted: false },
      { text: '<img src=x onerror=alert(1)>', highlighted: true },
    ]);
  });

  it('returns the whole snippet when nothing is marked', () => {
    expect(parseHighlightedSnippet('plain')).toEqual([{ text: 'plain', highlighted: false }]);
  });

  it('ignores mark-like tags with attributes', () => {
    expect(parseHighlightedSnippet('<mark onclick="x">a</mark>')).toEqual([
      { text: '<mark onclick="x">a', highlighted: false },
    ]);
  });
});

describe('decodeCharacterReferences', () => {
  it('decodes the references an HTML-escaping API produces', () => {
    expect(decodeCharacterReferences('council&#39;s &quot;blog&quot; &amp; &lt;script&gt; &#x27;x&#x27;')).toBe(`council's "blog" & <script> 'x'`);
  });

  it('leaves unknown or invalid references alone', () => {
    expect(decodeCharacterReferences('&nbsp; &#0; &#99999999; &unknown;')).toBe('&nbsp; &#0; &#99999999; &unknown;');
  });

  it('shows escaped markup as text in the parsed parts', () => {
    expect(parseHighlightedSnippet('&lt;img src=x onerror=alert(1)&gt; <mark>parish</mark>')).toEqual([
      { text: '<img src=x onerror=alert(1)> ', highlighted: false },
      { text: 'parish', highlighted: true },
    ]);
  });
});

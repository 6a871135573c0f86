import { HIGHLIGHT_END as E, HIGHLIGHT_START as S, highlightSnippet, similarityQuery } from './snippet.js';

describe('highlightSnippet', () => {
  it('wraps the matched words in mark tags', () => {
    expect(highlightSnippet(`officers who are ${S}parish${E} ${S}councillors${E}`)).toBe('officers who are <mark>parish</mark> <mark>councillors</mark>');
  });

  it('escapes everything a post wrote, including markup', () => {
    expect(highlightSnippet(`<img src=x onerror=alert(1)> ${S}policy${E} & "code"`)).toBe(
      '&lt;img src=x onerror=alert(1)&gt; <mark>policy</mark> &amp; &quot;code&quot;',
    );
  });

  it('closes a highlight the headline left open', () => {
    expect(highlightSnippet(`${S}open`)).toBe('<mark>open</mark>');
  });
});

describe('similarityQuery', () => {
  it('ORs the distinct words of three letters or more', () => {
    expect(similarityQuery('Can an officer be a parish councillor? Officer!')).toBe('can or officer or parish or councillor');
  });

  it('is null when nothing is searchable', () => {
    expect(similarityQuery('a ? !')).toBeNull();
  });

  it('reads only the first 200 characters of a title, as long as a question title may be', () => {
    expect(similarityQuery(`${'x'.repeat(196)} cut here and more`)).toBe(`${'x'.repeat(196)} or cut`);
  });
});

import { citationInWords, markdownToPlainText } from './plain-text.js';

describe('markdownToPlainText', () => {
  it('keeps the words of emphasis, code and links, without their markers', () => {
    expect(markdownToPlainText('An officer who is **also an elected _parish_ councillor**, see `form B` and [the guidance](https://example.org/guide).')).toBe(
      'An officer who is also an elected parish councillor, see form B and the guidance.',
    );
  });

  it('reads a citation link as its label, and a bare or unlabelled reference as the cited section in words', () => {
    expect(markdownToPlainText('See [business and pecuniary interests](policy:code-of-business-conduct@1.0#business-and-pecuniary-interests).')).toBe(
      'See business and pecuniary interests.',
    );
    expect(markdownToPlainText('As policy:social-media-policy@2.0#scope says.')).toBe('As social media policy 2.0 § scope says.');
    expect(markdownToPlainText('[policy:social-media-policy@2.0#scope](policy:social-media-policy@2.0#scope)')).toBe('social media policy 2.0 § scope');
    expect(citationInWords({ slug: 'code-of-business-conduct', version: '1.0', anchor: 'interests' })).toBe('code of business conduct 1.0 § interests');
  });

  it('puts each block on its own line, so words of two paragraphs or items never run together', () => {
    const markdown = '## Scope\n\nEvery employee.\n\n- first *item*\n- second item\n\n1. one\n2. two\n\n> quoted\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode block\n```';
    expect(markdownToPlainText(markdown)).toBe('Scope\nEvery employee.\nfirst item\nsecond item\none\ntwo\nquoted\na b\n1 2\ncode block');
  });

  it('shows raw HTML and character references as the page does: as text', () => {
    expect(markdownToPlainText('<img src=x onerror=alert(1)> is this allowed? Tom &amp; Jerry &#8212; &bogus;')).toBe(
      '<img src=x onerror=alert(1)> is this allowed? Tom & Jerry — &bogus;',
    );
  });

  it('keeps an image as its description and an escaped marker as the character', () => {
    expect(markdownToPlainText('![Organisation chart](https://example.org/chart.png) 2 \\* 3')).toBe('Organisation chart 2 * 3');
  });
});

import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { excerpt, paragraphs, renderAtomFeed, type AtomFeed } from './atom-feed.js';
import { renderUrlSet } from './sitemap-xml.js';

const at = new Date('2026-03-04T05:06:07.890Z');

function feedWith(title: string, body: string): AtomFeed {
  return {
    id: 'tag:forum.example.org,2025:feeds:test',
    title: 'Test',
    selfUrl: 'https://forum.example.org/feeds/test.atom',
    pageUrl: 'https://forum.example.org/',
    updated: at,
    author: { name: 'Policy Commons' },
    entries: [
      {
        id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
        title,
        link: 'https://forum.example.org/q/1?a=1&b=2',
        published: at,
        updated: at,
        authors: [{ name: title }],
        categories: [{ term: 'a-tag', scheme: 'https://forum.example.org/t/', label: title }],
        summary: excerpt(body),
        contentHtml: paragraphs(body),
      },
    ],
  };
}

describe('Atom writing', () => {
  it('keeps member text exactly as typed, entity-like text included, and drops what XML cannot carry', () => {
    const typed = 'Is &lt;b&gt;\u0001 the same as <b>?\uFFFF & "quotes"';
    const xml = renderAtomFeed(feedWith(typed, typed));
    expect(XMLValidator.validate(xml)).toBe(true);
    const entry = (new XMLParser({ ignoreAttributes: false }).parse(xml) as { feed: { entry: Record<string, { '#text': string; '@_label'?: string }> } }).feed.entry;
    const asText = 'Is &lt;b&gt; the same as <b>? & "quotes"';
    expect(entry.title['#text']).toBe(asText);
    expect(entry.category['@_label']).toBe(asText);
    // HTML content carries the text escaped once: a reader shows "&lt;b&gt;" and "<b>" as text, never as markup.
    expect(entry.content['#text']).toBe('<p>Is &amp;lt;b&amp;gt; the same as &lt;b&gt;? &amp; &quot;quotes&quot;</p>');
    // (A reader's parser may still decode entities in a title once more: that is its leniency, not the XML.)
    expect(parseFeed(xml).items[0].url).toBe('https://forum.example.org/q/1?a=1&b=2');
  });

  it('writes dates as RFC 3339 instants to the second', () => {
    const xml = renderAtomFeed(feedWith('A title', 'A body'));
    expect(xml).toContain('<updated>2026-03-04T05:06:07Z</updated>');
    expect(xml).toContain('<published>2026-03-04T05:06:07Z</published>');
  });

  it('writes a feed with no entries that still names its author', () => {
    const xml = renderAtomFeed({ ...feedWith('x', 'y'), entries: [] });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<entry');
    expect(xml).toContain('<author>');
  });
});

describe('excerpt', () => {
  it('keeps a short text on one line', () => {
    expect(excerpt('One\n\ntwo  three')).toBe('One two three');
  });

  it('cuts a long text at a word, with an ellipsis, within the limit', () => {
    const cut = excerpt('word '.repeat(100), 30);
    expect(cut).toBe('word word word word word word…');
    expect(cut.length).toBeLessThanOrEqual(30);
  });
});

describe('paragraphs', () => {
  it('makes escaped paragraphs, single line breaks kept', () => {
    expect(paragraphs('A <i>first</i>\nline\n\n\n  B & C  ')).toBe('<p>A &lt;i&gt;first&lt;/i&gt;<br>line</p>\n<p>B &amp; C</p>');
  });
});

describe('sitemap files', () => {
  it('escapes URLs and writes lastmod to the second', () => {
    const xml = renderUrlSet([{ loc: 'https://forum.example.org/policies/a/diff?from=1.0&to=2.0', lastmod: at }, { loc: 'https://forum.example.org/' }]);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).toContain('<loc>https://forum.example.org/policies/a/diff?from=1.0&amp;to=2.0</loc>');
    expect(xml).toContain('<lastmod>2026-03-04T05:06:07Z</lastmod>');
  });
});

import escapeHtml from 'escape-html';
import { xmlDocument, type XmlNode } from './xml-document.js';
import { w3cDatetime, xmlText } from './xml-text.js';

const ATOM = 'http://www.w3.org/2005/Atom';

/** An Atom person construct: a member, an organisation or a policy's contributor. */
export interface AtomPerson {
  name: string;
  uri?: string;
}

export interface AtomEntry {
  /** Stable for the entry's life, in every feed it appears in (urn:uuid of the row). */
  id: string;
  /** Plain text (written as type="text", so "<script>" in a title stays text). */
  title: string;
  /** The page a reader opens. */
  link: string;
  published: Date;
  updated: Date;
  authors: AtomPerson[];
  contributors?: AtomPerson[];
  categories?: { term: string; scheme: string; label?: string }[];
  /** Plain text, a line or two. */
  summary: string;
  /** HTML built only from escaped text (see paragraphs()). */
  contentHtml?: string;
}

export interface AtomFeed {
  /** A tag: URI, stable however the feed's title changes. */
  id: string;
  title: string;
  subtitle?: string;
  /** This feed's own URL (rel="self"). */
  selfUrl: string;
  /** The web page the feed follows (rel="alternate"). */
  pageUrl: string;
  /** When the newest entry changed; the feed's own date when it has none. */
  updated: Date;
  /** Who the feed is by, for entries without an author of their own (RFC 4287 4.1.1). */
  author: AtomPerson;
  entries: AtomEntry[];
}

const person = (who: AtomPerson): XmlNode => ({ name: xmlText(who.name), ...(who.uri ? { uri: who.uri } : {}) });
const textConstruct = (text: string, type: 'text' | 'html' = 'text'): XmlNode => ({ '@_type': type, '#text': xmlText(text) });

/** An Atom 1.0 document (RFC 4287). The XML builder escapes every text and attribute. */
export function renderAtomFeed(feed: AtomFeed): string {
  return xmlDocument('feed', {
    '@_xmlns': ATOM,
    '@_xml:lang': 'en',
    id: feed.id,
    title: textConstruct(feed.title),
    ...(feed.subtitle ? { subtitle: textConstruct(feed.subtitle) } : {}),
    updated: w3cDatetime(feed.updated),
    link: [
      { '@_rel': 'self', '@_type': 'application/atom+xml', '@_href': feed.selfUrl },
      { '@_rel': 'alternate', '@_type': 'text/html', '@_href': feed.pageUrl },
    ],
    author: person(feed.author),
    generator: 'Policy Commons',
    entry: feed.entries.map((entry) => ({
      id: entry.id,
      title: textConstruct(entry.title),
      link: { '@_rel': 'alternate', '@_type': 'text/html', '@_href': entry.link },
      published: w3cDatetime(entry.published),
      updated: w3cDatetime(entry.updated),
      author: entry.authors.map(person),
      contributor: (entry.contributors ?? []).map(person),
      category: (entry.categories ?? []).map((category) => ({
        '@_term': category.term,
        '@_scheme': category.scheme,
        ...(category.label ? { '@_label': xmlText(category.label) } : {}),
      })),
      summary: textConstruct(entry.summary),
      ...(entry.contentHtml ? { content: textConstruct(entry.contentHtml, 'html') } : {}),
    })),
  });
}

/** The first `max` characters of a post as one line of plain text, cut at a word with an ellipsis. */
export function excerpt(text: string, max = 300): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  // Back to the last whole word, unless the cut already ends one (or a word takes most of the room).
  const space = line[max - 1] === ' ' ? cut.length : cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Member text as HTML paragraphs, every character escaped. Posts are Markdown, which the
 * api does not render (the web app renders and sanitises it): a reader shows the text as
 * written, marks included, and nothing in it can become markup.
 */
export function paragraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
}

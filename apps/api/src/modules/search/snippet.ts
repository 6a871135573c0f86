/** Markers PostgreSQL's ts_headline puts around matched words, before we make them HTML. */
export const HIGHLIGHT_START = '\u27e6';
export const HIGHLIGHT_END = '\u27e7';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const MARKER = new RegExp(`([${HIGHLIGHT_START}${HIGHLIGHT_END}])`);

/**
 * Turns a headline into safe HTML: every character of the post is escaped, and only the
 * highlight markers become <mark> tags, so a snippet can never carry markup of its own.
 */
export function highlightSnippet(headline: string): string {
  let html = '';
  let open = false;
  // One line: the text's paragraphs and list items are separated by line breaks.
  for (const part of headline.replace(/\s+/g, ' ').trim().split(MARKER)) {
    if (part === HIGHLIGHT_START) {
      if (!open) html += '<mark>';
      open = true;
    } else if (part === HIGHLIGHT_END) {
      if (open) html += '</mark>';
      open = false;
    } else {
      html += escapeHtml(part);
    }
  }
  return open ? `${html}</mark>` : html;
}

/** A question's title is at most 200 characters (questions/dto); a longer draft title is matched on its start. */
const TITLE_LIMIT = 200;

/** Words of a draft title as an OR query, so any shared word suggests a question. */
export function similarityQuery(title: string): string | null {
  const words = similarityWords(title);
  return words.length ? words.join(' or ') : null;
}

/** The distinct words of a title being typed that a suggestion matches on. */
export function similarityWords(title: string): string[] {
  return [...new Set(title.slice(0, TITLE_LIMIT).toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])].slice(0, 20);
}

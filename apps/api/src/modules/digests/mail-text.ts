/**
 * What people chose to write (display names, question and policy titles, community names,
 * summaries of changes) on its way into a mail. Each value is one line of plain text: no
 * control characters, so a name cannot start a new header (`\r\nBcc: …`) or a fake line
 * of the plain-text digest; no bidirectional overrides, which can make a name read as
 * something else; whitespace collapsed; a lone surrogate made a replacement character; and
 * at most `max` characters, cut at a character boundary a reader sees (never inside an
 * emoji) and marked with an ellipsis. HTML escaping is separate (escape-html), applied
 * where the value meets HTML.
 */
export function mailText(value: string, max: number): string {
  const line = value
    .replace(LONE_SURROGATE, '\ufffd')
    // C0 and C1 controls (CR, LF, TAB, NUL …), DEL, line and paragraph separators.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    // Bidirectional embeddings, overrides and isolates.
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return truncate(line, max);
}

/** The longest each kind of member's text may be in a mail; the forms allow less, these bound what is already stored. */
export const MAIL_TEXT_LIMITS = {
  /** Display names: 80 at sign-up. */
  name: 80,
  /** Question and policy titles: 200 in their forms. */
  title: 200,
  /** An item's detail line, e.g. a policy version's summary of changes (5,000 in its form) and the sections it changed. */
  detail: 300,
  /** Where more items are listed: a community's name or a tag. */
  label: 100,
} as const;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function truncate(line: string, max: number): string {
  // The usual case: no more UTF-16 units than allowed means no more graphemes.
  if (line.length <= max) return line;
  const kept: string[] = [];
  for (const { segment } of graphemes.segment(line)) {
    // Reads at most max + 1 graphemes, however long the line.
    if (kept.length === max) return `${kept.slice(0, max - 1).join('').trimEnd()}…`;
    kept.push(segment);
  }
  return line;
}

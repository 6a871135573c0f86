/** Square brackets in a link label would end it early. */
function escapeLabel(label: string): string {
  return label.replace(/([[\]\\])/g, '\\$1');
}

export interface Insertion {
  text: string;
  /** Where the caret goes: just after what was inserted. */
  cursor: number;
}

/**
 * Puts `[label](reference)` where the caret is. A selection becomes the label (so
 * selecting "section 1" and picking a section links those words); otherwise the
 * section's title is. Adds a space on either side when the neighbouring text would
 * otherwise run into the link.
 */
export function insertCitation(text: string, selectionStart: number, selectionEnd: number, reference: string, sectionTitle: string): Insertion {
  const start = Math.max(0, Math.min(selectionStart, selectionEnd, text.length));
  const end = Math.min(text.length, Math.max(selectionStart, selectionEnd, start));
  const selected = text.slice(start, end);
  const label = selected.trim() !== '' ? selected.trim() : sectionTitle;
  const link = `[${escapeLabel(label)}](${reference})`;
  const before = start > 0 && !/[\s([]/.test(text[start - 1]) ? ' ' : '';
  const after = end < text.length && !/[\s.,;:!?)\]]/.test(text[end]) ? ' ' : '';
  const inserted = `${before}${link}${after}`;
  return { text: text.slice(0, start) + inserted + text.slice(end), cursor: start + inserted.length };
}

/** Every word of the query appears in the text, ignoring case. */
export function matchesQuery(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => haystack.includes(word));
}

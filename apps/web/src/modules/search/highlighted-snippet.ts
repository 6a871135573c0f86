export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

const MARK = /<mark>|<\/mark>/g;
const ENTITY = /&(amp|lt|gt|quot|apos|#(\d{1,7})|#x([0-9a-f]{1,6}));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * The API escapes the text around the marks ("council&#39;s"). We turn character
 * references back into characters; React then renders them as text, so a decoded
 * "&lt;script&gt;" is shown as "<script>", never parsed.
 */
export function decodeCharacterReferences(text: string): string {
  return text.replace(ENTITY, (reference: string, name: string, decimal: string | undefined, hex: string | undefined) => {
    const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : hex !== undefined ? Number.parseInt(hex, 16) : null;
    if (codePoint === null) return NAMED[name.toLowerCase()] ?? reference;
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : reference;
  });
}

/**
 * The API wraps matched words in <mark>…</mark> and nothing else is markup. We split on
 * exactly those two tags and render every part as text, so anything else in the
 * snippet (including other tags) is shown as text, never interpreted.
 */
export function parseHighlightedSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlighted = false;
  let position = 0;
  for (const match of snippet.matchAll(MARK)) {
    const text = decodeCharacterReferences(snippet.slice(position, match.index));
    if (text !== '') parts.push({ text, highlighted });
    highlighted = match[0] === '<mark>';
    position = match.index + match[0].length;
  }
  const rest = decodeCharacterReferences(snippet.slice(position));
  if (rest !== '') parts.push({ text: rest, highlighted });
  return parts;
}

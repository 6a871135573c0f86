export interface SnippetPart {
  text: string;
  highlighted: boolean;
}

const MARK = /<mark>|<\/mark>/g;

/**
 * The API wraps matched words in <mark>…</mark> and nothing else is markup. We split on
 * exactly those two tags and render every part as text, so anything else in the
 * snippet (including other tags) is shown escaped, never interpreted.
 */
export function parseHighlightedSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let highlighted = false;
  let position = 0;
  for (const match of snippet.matchAll(MARK)) {
    const text = snippet.slice(position, match.index);
    if (text !== '') parts.push({ text, highlighted });
    highlighted = match[0] === '<mark>';
    position = match.index + match[0].length;
  }
  const rest = snippet.slice(position);
  if (rest !== '') parts.push({ text: rest, highlighted });
  return parts;
}

import { Lexer, type MarkedToken, type Token } from 'marked';

/** What search engines show of a description before they cut it themselves. */
export const DESCRIPTION_LENGTH = 160;

/**
 * The words a reader sees in a post, as one line: Markdown syntax, raw HTML, images and
 * code blocks go, link and emphasis text stays. Read from marked's tokens (the parser
 * that renders the post), so what counts as syntax is what the page treats as syntax.
 */
export function plainText(markdown: string): string {
  const blocks: string[] = [];
  collectBlocks(Lexer.lex(markdown, { gfm: true }), blocks);
  return blocks.join(' ').replace(/\s+/g, ' ').trim();
}

/** A description from a post: its plain text, cut at a word boundary with an ellipsis to at most `max` characters. */
export function plainTextExcerpt(markdown: string, max = DESCRIPTION_LENGTH): string {
  return excerpt(plainText(markdown), max);
}

/** `text` cut at a word boundary with an ellipsis, so it is at most `max` characters long. */
export function excerpt(text: string, max = DESCRIPTION_LENGTH): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const room = line.slice(0, max - 1);
  const lastSpace = room.lastIndexOf(' ');
  // One very long word (a URL) has no boundary worth keeping to: cut it instead of leaving a stub.
  const cut = lastSpace > max / 2 ? room.slice(0, lastSpace) : room;
  return `${trimTrailingPunctuation(cut)}…`;
}

function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && ' ,;:-–—'.includes(text[end - 1])) end -= 1;
  return text.slice(0, end);
}

function collectBlocks(tokens: readonly Token[], blocks: string[]): void {
  for (const token of tokens as readonly MarkedToken[]) {
    switch (token.type) {
      case 'paragraph':
      case 'heading':
        blocks.push(inlineText(token.tokens));
        break;
      case 'text':
        // A tight list item's text is a block-level text token holding the inline ones.
        blocks.push(token.tokens ? inlineText(token.tokens) : token.text);
        break;
      case 'blockquote':
        collectBlocks(token.tokens, blocks);
        break;
      case 'list':
        for (const item of token.items) collectBlocks(item.tokens, blocks);
        break;
      case 'table':
        for (const row of [token.header, ...token.rows]) for (const cell of row) blocks.push(inlineText(cell.tokens));
        break;
      // Code blocks, raw HTML, rules and link definitions are not prose a description can quote.
      default:
        break;
    }
  }
}

function inlineText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens as readonly MarkedToken[]) {
    switch (token.type) {
      case 'text':
        text += token.tokens ? inlineText(token.tokens) : token.text;
        break;
      case 'escape':
      case 'codespan':
        text += token.text;
        break;
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        text += inlineText(token.tokens);
        break;
      case 'br':
        text += ' ';
        break;
      // Images (their alt text describes a picture, not the post) and inline HTML tags are left out.
      default:
        break;
    }
  }
  return text;
}

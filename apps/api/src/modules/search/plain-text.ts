import { findCitationReferences, type CitationReference } from '@policy-commons/policies';
import { Lexer, type Token, type Tokens } from 'marked';

/**
 * What a reader sees of a post or a policy section, as plain text: the words without the
 * Markdown that formats them (`**`, `_`, `#`, list markers, `[label](target)`), so a search
 * snippet reads like the page. Parsed by marked with the web app's settings, so it reads
 * the text exactly as the page renders it. Blocks end with a line break, so words of two
 * paragraphs never run together.
 *
 * Citations read as the page shows them: a link keeps its label; a bare reference, or a
 * link whose label is only the reference, reads as the cited document, version and section.
 */
export function markdownToPlainText(markdown: string): string {
  const tokens = new Lexer({ gfm: true, breaks: false }).lex(nameBareReferences(markdown));
  return blocksText(tokens).replace(/[ \t]*\n[\s]*/g, '\n').trim();
}

/** A citation in words: `policy:code-of-conduct@1.0#interests` → "code of conduct 1.0 § interests". */
export function citationInWords(reference: CitationReference): string {
  return `${reference.slug.replace(/-/g, ' ')} ${reference.version} § ${reference.anchor.replace(/-/g, ' ')}`;
}

/** Inside `[label](target)`, `<autolink>` or a link definition, where a reference is a target, not text. */
const INSIDE_LINK_SYNTAX = /(?:\]\(\s*|<|\[)$|^\s{0,3}\[[^\]]+\]:\s*$/;

/**
 * Bare references become their words before parsing: left to marked, GFM would read
 * `code-of-conduct@1.0` as an e-mail address and split the reference.
 */
function nameBareReferences(markdown: string): string {
  let result = '';
  let copied = 0;
  for (const found of findCitationReferences(markdown)) {
    const lineStart = markdown.lastIndexOf('\n', found.start - 1) + 1;
    if (INSIDE_LINK_SYNTAX.test(markdown.slice(lineStart, found.start))) continue;
    result += markdown.slice(copied, found.start) + citationInWords(found.reference);
    copied = found.end;
  }
  return result + markdown.slice(copied);
}

function blocksText(tokens: Token[]): string {
  return tokens.map(blockText).join('');
}

function blockText(token: Token): string {
  switch (token.type) {
    case 'paragraph':
    case 'heading':
      return `${inlineText((token as Tokens.Paragraph).tokens)}\n`;
    case 'text': {
      // A tight list item's text: inline tokens of its own.
      const text = token as Tokens.Text;
      return `${text.tokens ? inlineText(text.tokens) : decodeEntities(text.text)}\n`;
    }
    case 'list':
      return (token as Tokens.List).items.map((item) => blocksText(item.tokens)).join('');
    case 'blockquote':
      return blocksText((token as Tokens.Blockquote).tokens);
    case 'code':
      return `${(token as Tokens.Code).text}\n`;
    case 'table': {
      const table = token as Tokens.Table;
      return [table.header, ...table.rows].map((row) => `${row.map((cell) => inlineText(cell.tokens)).join(' ')}\n`).join('');
    }
    case 'html':
      // The page shows raw HTML as text, and so does the snippet (escaped where it meets HTML).
      return `${(token as Tokens.HTML).text.trim()}\n`;
    default:
      // space, hr, def (a link definition is not shown), and anything marked may add.
      return 'tokens' in token && Array.isArray(token.tokens) ? blocksText(token.tokens) : '';
  }
}

function inlineText(tokens: Token[] | undefined): string {
  return (tokens ?? []).map(inlineTokenText).join('');
}

function inlineTokenText(token: Token): string {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inlineText(text.tokens) : decodeEntities(text.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'codespan':
      return (token as Tokens.Codespan).text;
    case 'br':
      return '\n';
    case 'link': {
      const link = token as Tokens.Link;
      const label = inlineText(link.tokens).trim();
      const [cited] = findCitationReferences(link.href);
      const onlyTheReference = cited !== undefined && cited.raw === link.href && (label === '' || label === link.href);
      return onlyTheReference ? citationInWords(cited.reference) : label;
    }
    case 'image':
      return (token as Tokens.Image).text;
    case 'html':
      return (token as Tokens.Tag).text;
    default:
      // strong, em, del and anything else with children: their words, without the markers.
      return 'tokens' in token && Array.isArray(token.tokens) ? inlineText(token.tokens) : 'text' in token && typeof token.text === 'string' ? token.text : '';
  }
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const ENTITY = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z]+));/g;

/** Character references people typed (`&amp;`) read as the page shows them (`&`); unknown ones stay as written. */
function decodeEntities(text: string): string {
  return text.replace(ENTITY, (reference: string, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? reference;
    const codePoint = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    return codePoint > 0 && codePoint <= 0x10ffff && !(codePoint >= 0xd800 && codePoint <= 0xdfff) ? String.fromCodePoint(codePoint) : reference;
  });
}

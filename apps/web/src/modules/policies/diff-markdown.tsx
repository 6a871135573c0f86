import { decodeHTML } from 'entities';
import { Lexer, type Token, type Tokens } from 'marked';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { parseCitationReference } from '@policy-commons/policies';
import { policySectionPath } from '../citations/citation-chip';
import { MarkdownView } from '../markdown/markdown-view';
import { MEMBER_LINK_REL } from '../markdown/render-markdown';
import { isPolicyReference, isSafeLinkUrl } from '../markdown/safe-url';
import type { SidePiece } from './diff-view';

type ChangeTag = 'ins' | 'del';

/** A paragraph or a list item with its continuation lines: `- `, `* `, `1. ` or `2) `. */
const LIST_ITEM = /^[ \t]*(?:[-*+]|(\d{1,9})[.)])(?:[ \t]+|$)/;
/** Markdown that is not one paragraph of inline text: a blank line, a quote, a table row, a fence, an HTML block or an indented code line. */
const NOT_INLINE = /\n[ \t]*\n|(?:^|\n)[ \t]{0,3}(?:>|\||```|~~~|<[A-Za-z/!?])|(?:^|\n)(?: {4}|\t)(?=\S)/;

/**
 * A whole paragraph on one side of the diff, marked as removed or added (or neither, when
 * both versions have it). Rendered like a highlighted one, so that a link reads as its
 * link text everywhere in the diff.
 */
export function WholeBlock({ source, change }: { source: string; change: ChangeTag | null }) {
  const view = renderBlock(source, { changed: new Uint8Array(source.length), change: change ?? 'ins' });
  if (!change) return view;
  const Tag = change;
  return (
    <Tag className="diff-block" data-testid={change === 'ins' ? 'diff-added-block' : 'diff-removed-block'}>
      <span className="diff-block-label">{change === 'ins' ? 'Added' : 'Removed'}</span>
      {view}
    </Tag>
  );
}

/**
 * One side of a paragraph diffed word by word, rendered as Markdown: links as their link
 * text, emphasis as emphasis, and the changed words (as written in the source) inside
 * <ins> or <del>. marked's inline lexer gives each token its source text (`raw`, and the
 * raws put together are the source), which maps every rendered character back to a
 * character of the source and so to whether the diff changed it. A paragraph that is not
 * one run of inline text (a quote, a table) is shown whole instead.
 */
export function HighlightedMarkdown({ pieces, change }: { pieces: readonly SidePiece[]; change: ChangeTag }) {
  const source = pieces.map((piece) => piece.text).join('');
  const changed = new Uint8Array(source.length);
  let position = 0;
  for (const piece of pieces) {
    if (piece.changed) changed.fill(1, position, position + piece.text.length);
    position += piece.text.length;
  }
  if (!isInline(source)) return <WholeBlock source={source} change={changed.includes(1) ? change : null} />;
  return renderBlock(source, { changed, change });
}

function contentOf(source: string): { item: RegExpExecArray | null; content: string; contentStart: number } {
  const item = LIST_ITEM.exec(source);
  const body = source.slice(item ? item[0].length : 0);
  return { item, content: body.trim(), contentStart: (item ? item[0].length : 0) + (body.length - body.trimStart().length) };
}

function isInline(source: string): boolean {
  return !NOT_INLINE.test(contentOf(source).content);
}

/** A paragraph or list item with its inline Markdown mapped to the source; anything else as the policy page renders it. */
function renderBlock(source: string, highlight: Highlight) {
  const { item, content, contentStart } = contentOf(source);
  if (NOT_INLINE.test(content)) return <MarkdownView source={source} />;
  const paragraph = <p className="diff-paragraph">{renderTokens(Lexer.lexInline(content, { gfm: true }), contentStart, highlight)}</p>;
  if (!item) return <div className="markdown">{paragraph}</div>;
  return (
    <div className="markdown">
      {item[1] === undefined ? (
        <ul>
          <li>{paragraph}</li>
        </ul>
      ) : (
        <ol start={Number(item[1])}>
          <li>{paragraph}</li>
        </ol>
      )}
    </div>
  );
}

interface Highlight {
  /** 1 for each source character the diff changed. */
  changed: Uint8Array;
  change: ChangeTag;
}

function anyChanged(highlight: Highlight, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) if (highlight.changed[index]) return true;
  return false;
}

/** Text shown for source[start, start + text.length), split where the highlighting starts or stops. */
function highlightedText(text: string, start: number, highlight: Highlight, display: (piece: string) => string): ReactNode[] {
  const nodes: ReactNode[] = [];
  let pieceStart = 0;
  for (let index = 1; index <= text.length; index += 1) {
    if (index < text.length && highlight.changed[start + index] === highlight.changed[start + pieceStart]) continue;
    const piece = display(text.slice(pieceStart, index));
    const Tag = highlight.change;
    nodes.push(highlight.changed[start + pieceStart] ? <Tag key={start + pieceStart}>{piece}</Tag> : piece);
    pieceStart = index;
  }
  return nodes;
}

/**
 * marked leaves character references in inline text as written ("&amp;"); the page must
 * show the character. entities decodes them as an HTML parser does in text, the same on
 * the server and in the browser (a detached <textarea> did this before the diff was also
 * rendered on the server, where there is no DOM). The diff tokens keep a reference whole,
 * so a piece never splits one.
 */
function decodeReferences(text: string): string {
  return text.includes('&') ? decodeHTML(text) : text;
}

const asWritten = (text: string): string => text;

function renderTokens(tokens: readonly Token[], start: number, highlight: Highlight): ReactNode[] {
  const nodes: ReactNode[] = [];
  let offset = start;
  for (const token of tokens) {
    nodes.push(<Fragment key={offset}>{renderToken(token, offset, highlight)}</Fragment>);
    offset += token.raw.length;
  }
  return nodes;
}

/** Where a token's children start in the source, or null when their text is not found in it as written. */
function childrenStart(token: { raw: string; tokens?: Token[] }, offset: number): number | null {
  const childrenRaw = (token.tokens ?? []).map((child) => child.raw).join('');
  const at = token.raw.indexOf(childrenRaw);
  return at < 0 ? null : offset + at;
}

/** A token whose inside cannot be mapped to the source: highlighted as a whole if any of it changed. */
function wholeToken(node: ReactNode, token: Token, offset: number, highlight: Highlight): ReactNode {
  const Tag = highlight.change;
  return anyChanged(highlight, offset, offset + token.raw.length) ? <Tag>{node}</Tag> : node;
}

function renderChildren(token: Tokens.Em | Tokens.Strong | Tokens.Del | Tokens.Link, offset: number, highlight: Highlight): { children: ReactNode; mapped: boolean } {
  const at = childrenStart(token, offset);
  if (at === null) return { children: decodeReferences(token.text), mapped: false };
  return { children: renderTokens(token.tokens, at, highlight), mapped: true };
}

function renderToken(token: Token, offset: number, highlight: Highlight): ReactNode {
  switch (token.type) {
    case 'text':
      return highlightedText(token.raw, offset, highlight, decodeReferences);
    case 'escape':
      return wholeToken(token.text as string, token, offset, highlight);
    case 'br':
      return <br />;
    case 'html':
    case 'tag':
      // Raw HTML in a policy is shown as text, as MarkdownView does.
      return highlightedText(token.raw, offset, highlight, asWritten);
    case 'codespan': {
      const at = token.raw.indexOf(token.text as string);
      if (at < 0) return wholeToken(<code>{token.text as string}</code>, token, offset, highlight);
      return <code>{highlightedText(token.text as string, offset + at, highlight, asWritten)}</code>;
    }
    case 'em':
    case 'strong':
    case 'del': {
      const formatted = token as Tokens.Em | Tokens.Strong | Tokens.Del;
      const { children, mapped } = renderChildren(formatted, offset, highlight);
      const Tag = token.type === 'em' ? 'em' : token.type === 'strong' ? 'strong' : 's';
      return mapped ? <Tag>{children}</Tag> : wholeToken(<Tag>{children}</Tag>, token, offset, highlight);
    }
    case 'link':
      return renderLink(token as Tokens.Link, offset, highlight);
    case 'image':
      // A diff is about wording: an image shows as its description.
      return wholeToken((token as Tokens.Image).text, token, offset, highlight);
    default:
      return wholeToken(decodeReferences(token.raw), token, offset, highlight);
  }
}

/**
 * A link shows its link text (a citation reference links to the cited section). When
 * its target changed but its text did not, the change would be invisible, so then the
 * whole link is highlighted.
 */
function renderLink(token: Tokens.Link, offset: number, highlight: Highlight): ReactNode {
  const at = childrenStart(token, offset);
  const childrenLength = token.tokens.reduce((length, child) => length + child.raw.length, 0);
  const wholeLinkChanged =
    at === null
      ? anyChanged(highlight, offset, offset + token.raw.length)
      : anyChanged(highlight, offset, at) || anyChanged(highlight, at + childrenLength, offset + token.raw.length);
  const children = at === null ? token.text : renderTokens(token.tokens, at, highlight);
  let link: ReactNode;
  if (isPolicyReference(token.href)) {
    const parsed = parseCitationReference(token.href);
    link = parsed.ok ? (
      <Link to={policySectionPath(parsed.reference.slug, parsed.reference.version, parsed.reference.anchor)} data-policy-ref={token.href}>
        {children}
      </Link>
    ) : (
      <span data-policy-ref={token.href}>{children}</span>
    );
  } else if (isSafeLinkUrl(token.href)) {
    link = token.href.startsWith('/') && !token.href.startsWith('//') ? <Link to={token.href}>{children}</Link> : <a href={token.href} rel={MEMBER_LINK_REL}>{children}</a>;
  } else {
    link = <span className="unsafe-link">{children}</span>;
  }
  const Tag = highlight.change;
  return wholeLinkChanged ? <Tag>{link}</Tag> : link;
}

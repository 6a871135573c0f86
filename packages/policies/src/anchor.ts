/**
 * Section anchors. A heading's anchor is its GitHub-style slug (lower case; everything
 * but letters, digits, marks, underscores, hyphens and spaces dropped; each space
 * becomes a hyphen), so links people already copy from rendered Markdown keep working.
 * This is our own implementation rather than github-slugger, which ships ESM only and
 * would break the CommonJS consumers' Jest runs.
 */

/**
 * The longest anchor, explicit or derived. It equals the longest heading line
 * (MAX_HEADING_LINE_LENGTH in sections.ts), so a heading that is short enough always has
 * a citable anchor; it exists to bound a citation reference before any pattern reads it.
 */
export const MAX_ANCHOR_LENGTH = 300;

/** An anchor an author writes by hand with `{#...}`: lower-case ASCII words joined by hyphens. */
export const EXPLICIT_ANCHOR_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Anything slugifyHeading can produce (it keeps non-ASCII letters and underscores). */
const ANCHOR_PATTERN = /^[\p{L}\p{M}\p{N}_-]+$/u;

export function isValidAnchor(anchor: string): boolean {
  return anchor.length <= MAX_ANCHOR_LENGTH && ANCHOR_PATTERN.test(anchor) && anchor === anchor.toLowerCase();
}

/** One character of `\s` (JavaScript's whitespace, Unicode included). */
const WHITESPACE = /^\s$/;

/**
 * Removes `[text](target)` and `![text](target)` down to their text.
 *
 * Hand-written because the pattern it replaces, /!?\[([^\]]*)\]\([^)]*\)/g, rescans to
 * the next "]" (or ")") from every "[": a heading of 80,000 "[" took 15 s. This keeps
 * that pattern's exact meaning (a "[" matches when the first "]" after it is followed by
 * "(" and a ")" follows; the link becomes its text) but remembers where the next "]"
 * and ")" are, so each character is looked at a bounded number of times.
 */
function stripLinks(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let nextBracket = -1;
  let nextParen = -1;
  let position = 0;
  while (position < text.length) {
    const open = text.indexOf('[', position);
    if (open === -1) break;
    // Still the first "]" at or after `open` unless it lies before it (-1 also lies before it).
    if (nextBracket < open) nextBracket = text.indexOf(']', open);
    if (nextBracket === -1) break; // no "]" anywhere after: no later "[" can match either
    if (text[nextBracket + 1] !== '(') {
      position = open + 1;
      continue;
    }
    if (nextParen < nextBracket + 2) nextParen = text.indexOf(')', nextBracket + 2);
    if (nextParen === -1) break; // no ")" after this "](": none after any later one either
    const start = open > 0 && text[open - 1] === '!' && open - 1 >= copiedUpTo ? open - 1 : open;
    out += text.slice(copiedUpTo, start) + text.slice(open + 1, nextBracket);
    copiedUpTo = nextParen + 1;
    position = copiedUpTo;
  }
  return out + text.slice(copiedUpTo);
}

/**
 * Drops runs of "_" that start or end a word (emphasis markers), keeping those inside
 * one (snake_case).
 *
 * Hand-written because the pattern it replaces, /(^|\s)_+|_+(?=\s|$)/g, retries the
 * whole rest of a run from each "_" in it when the run is followed by a letter. Same
 * meaning: a run goes when it is at the start, after whitespace, or before whitespace or
 * the end.
 */
function stripUnderscoreEmphasis(text: string): string {
  if (!text.includes('_')) return text;
  let out = '';
  let position = 0;
  while (position < text.length) {
    const runStart = text.indexOf('_', position);
    if (runStart === -1) break;
    let runEnd = runStart;
    while (text[runEnd] === '_') runEnd += 1;
    const before = runStart === 0 ? null : (text[runStart - 1] as string);
    const after = runEnd === text.length ? null : (text[runEnd] as string);
    const drop = before === null || WHITESPACE.test(before) || after === null || WHITESPACE.test(after);
    out += text.slice(position, drop ? runStart : runEnd);
    position = runEnd;
  }
  return out + text.slice(position);
}

/** Markdown inline syntax is not part of the rendered heading text, so it is not part of the slug. */
function stripInlineMarkdown(text: string): string {
  return stripUnderscoreEmphasis(stripLinks(text).replace(/[*`~]/g, ''));
}

/**
 * The anchor of a heading. Only the first MAX_ANCHOR_LENGTH characters are read (a longer
 * heading line is refused by the parser anyway), so no pattern here ever sees more than that.
 */
export function slugifyHeading(text: string): string {
  return stripInlineMarkdown(text.trim().slice(0, MAX_ANCHOR_LENGTH))
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

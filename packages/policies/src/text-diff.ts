import { findCitationReferences } from './citation-reference.js';
import { normaliseText } from './fingerprint.js';
import { alignSequences, type AlignedPair } from './sequence-alignment.js';

/**
 * A run of text in a diff, exactly as written: the SAME and ADDED runs of a diff put
 * together are the new text character for character, and the SAME (read as `fromText`
 * where it has one) and REMOVED runs are the old text.
 */
export interface WordDiff {
  kind: 'added' | 'removed' | 'same';
  text: string;
  /** SAME only, when the old text differs from `text` in whitespace (a re-wrapped line). */
  fromText?: string;
}

/** One paragraph or list item of a section body, compared as a whole. */
export type BlockDiff =
  | { kind: 'same'; from: string; to: string }
  | { kind: 'removed'; from: string }
  | { kind: 'added'; to: string }
  /** Similar enough to be read word by word; `words` covers the whole block. */
  | { kind: 'changed'; from: string; to: string; words: WordDiff[] };

/**
 * How much of two paragraphs must be shared, as 2 × shared words / all words, for the
 * diff to highlight words inside them. Below it, highlighting marks most of the text and
 * reads as a solid colour; showing the old and the new paragraph whole reads better.
 */
export const SIMILAR_PARAGRAPH_SHARE = 0.3;

/** How far ahead, in paragraphs on each side, a changed paragraph looks for its counterpart. */
const PAIRING_WINDOW = 3;

// ---- tokens -------------------------------------------------------------------

interface TextToken {
  text: string;
  /** What is compared: the text, with any whitespace run read as one space and Unicode composed. */
  key: string;
  /** Counts towards how similar two paragraphs are (not whitespace). */
  content: boolean;
}

const WHITESPACE = /\s+/uy;
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/uy;
const ENTITY = /&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});/y;
const ESCAPE = /\\[!-/:-@[-`{-~]/y;
const DELIMITER_RUN = /([*_~`])\1*/y;
// A link's destination, `](target)`, without spaces: one token, so a changed target never
// splits into highlighted fragments of a URL. Stops at the first space or parenthesis, so
// every attempt ends before the next `](`, and the scan stays linear.
const LINK_TARGET = /\]\([^\s()]*\)/y;

function matchAt(pattern: RegExp, text: string, position: number): string | null {
  pattern.lastIndex = position;
  return pattern.exec(text)?.[0] ?? null;
}

/**
 * Words, whitespace runs, punctuation marks and Markdown syntax, each a slice of the text,
 * so that the tokens put together are the text exactly (spacing and punctuation included).
 * A citation reference, a link target, an HTML entity and a backslash escape are one token
 * each; emphasis and code markers (`**`, `_`, `` ` ``) are one token per run.
 */
export function tokeniseText(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  const references = findCitationReferences(text);
  let nextReference = 0;
  let position = 0;
  const push = (piece: string, content: boolean): void => {
    tokens.push({ text: piece, key: content ? piece.normalize('NFC') : ' ', content });
    position += piece.length;
  };
  while (position < text.length) {
    while (nextReference < references.length && (references[nextReference]?.start ?? 0) < position) nextReference += 1;
    const reference = references[nextReference];
    if (reference && reference.start === position) {
      push(reference.raw, true);
      continue;
    }
    const whitespace = matchAt(WHITESPACE, text, position);
    if (whitespace) {
      push(whitespace, false);
      continue;
    }
    const piece =
      matchAt(WORD, text, position) ??
      matchAt(LINK_TARGET, text, position) ??
      matchAt(ENTITY, text, position) ??
      matchAt(ESCAPE, text, position) ??
      matchAt(DELIMITER_RUN, text, position) ??
      String.fromCodePoint(text.codePointAt(position) ?? 0);
    push(piece, true);
  }
  return tokens;
}

// ---- word diffs ---------------------------------------------------------------

interface TokenDiff {
  runs: WordDiff[];
  /** 2 × content tokens shown as kept / all content tokens; 1 when neither side has any. */
  share: number;
}

function appendRun(runs: WordDiff[], kind: WordDiff['kind'], text: string, fromText = text): void {
  if (text === '' && fromText === '') return;
  const last = runs.at(-1);
  if (last && last.kind === kind) {
    // Compares only the new piece: comparing the whole run each time would be quadratic.
    if (last.fromText !== undefined) last.fromText += fromText;
    else if (fromText !== text) last.fromText = last.text + fromText;
    last.text += text;
    return;
  }
  const run: WordDiff = { kind, text };
  if (kind === 'same' && fromText !== text) run.fromText = fromText;
  runs.push(run);
}

/** Runs of consecutive kept tokens: [old start, new start, length]. */
type KeptStretch = [oldStart: number, newStart: number, length: number];

function stretchesOf(pairs: readonly (readonly [number, number])[]): KeptStretch[] {
  const stretches: KeptStretch[] = [];
  for (const [i, j] of pairs) {
    const last = stretches.at(-1);
    if (last && last[0] + last[2] === i && last[1] + last[2] === j) last[2] += 1;
    else stretches.push([i, j, 1]);
  }
  return stretches;
}

function offsetsOf(tokens: readonly TextToken[]): number[] {
  const offsets = [0];
  for (const token of tokens) offsets.push((offsets.at(-1) as number) + token.text.length);
  return offsets;
}

/**
 * A short stretch kept between two changes ("that", "and", a comma, a space) is more
 * noise than help: "[-Since then the tools have changed-]{+This edition keeps+} that
 * [-the useful question-]{+approach+}". As in diff-match-patch's semantic clean-up, a
 * stretch no longer than the change on either side of it becomes part of the change,
 * so a rewritten phrase reads as one removed phrase and one added phrase.
 */
const NOISE_PASSES = 4;

function withoutNoise(stretches: readonly KeptStretch[], fromTokens: readonly TextToken[], toTokens: readonly TextToken[]): KeptStretch[] {
  const fromAt = offsetsOf(fromTokens);
  const toAt = offsetsOf(toTokens);
  const span = (at: readonly number[], start: number, end: number): number => (at[end] as number) - (at[start] as number);
  const kept: KeptStretch[] = [];
  let pendingOld = 0; // characters changed since the last stretch kept
  let pendingNew = 0;
  let oldEnd = 0;
  let newEnd = 0;
  stretches.forEach(([oldStart, newStart, length], index) => {
    pendingOld += span(fromAt, oldEnd, oldStart);
    pendingNew += span(toAt, newEnd, newStart);
    oldEnd = oldStart + length;
    newEnd = newStart + length;
    const next = stretches[index + 1];
    const afterOld = span(fromAt, oldEnd, next ? next[0] : fromTokens.length);
    const afterNew = span(toAt, newEnd, next ? next[1] : toTokens.length);
    const size = span(toAt, newStart, newEnd);
    const before = Math.max(pendingOld, pendingNew);
    const after = Math.max(afterOld, afterNew);
    if (before > 0 && after > 0 && size <= before && size <= after) {
      pendingOld += span(fromAt, oldStart, oldEnd);
      pendingNew += size;
    } else {
      kept.push([oldStart, newStart, length]);
      pendingOld = 0;
      pendingNew = 0;
    }
  });
  return kept;
}

/**
 * An insertion between two words can keep either space: "their{+ line+} manager" or
 * "their {+line +}manager". Keep the one before it, so a change starts at a word.
 */
function withSpaceAfterInsertions(pairs: AlignedPair[], fromTokens: readonly TextToken[], toTokens: readonly TextToken[]): AlignedPair[] {
  return pairs.map(([i, j], index) => {
    const [previousOld, previousNew] = pairs[index - 1] ?? [-1, -1];
    const oldGap = i - previousOld - 1;
    const newGap = j - previousNew - 1;
    if (fromTokens[i]?.content !== false || (oldGap > 0) === (newGap > 0)) return [i, j];
    if (newGap > 0 && toTokens[previousNew + 1]?.content === false) return [i, previousNew + 1];
    if (oldGap > 0 && fromTokens[previousOld + 1]?.content === false) return [previousOld + 1, j];
    return [i, j];
  });
}

function diffTokens(fromTokens: readonly TextToken[], toTokens: readonly TextToken[]): TokenDiff {
  const pairs = alignSequences(
    fromTokens.map((token) => token.key),
    toTokens.map((token) => token.key),
    { anchorsNeedNeighbours: true },
  );
  let stretches = stretchesOf(withSpaceAfterInsertions(pairs, fromTokens, toTokens));
  // Each pass can only see the changes next to a stretch as they were before it; a few
  // passes settle what one removal exposes, and the bound keeps the cost linear.
  for (let pass = 0; pass < NOISE_PASSES; pass += 1) {
    const cleaned = withoutNoise(stretches, fromTokens, toTokens);
    if (cleaned.length === stretches.length) break;
    stretches = cleaned;
  }
  const runs: WordDiff[] = [];
  let kept = 0;
  let i = 0;
  let j = 0;
  for (const [oldStart, newStart, length] of [...stretches, [fromTokens.length, toTokens.length, 0] as KeptStretch]) {
    appendRun(runs, 'removed', joinTokens(fromTokens, i, oldStart));
    appendRun(runs, 'added', joinTokens(toTokens, j, newStart));
    for (let k = 0; k < length; k += 1) {
      const from = fromTokens[oldStart + k] as TextToken;
      if (from.content) kept += 1;
      appendRun(runs, 'same', (toTokens[newStart + k] as TextToken).text, from.text);
    }
    i = oldStart + length;
    j = newStart + length;
  }
  const total = fromTokens.filter((token) => token.content).length + toTokens.filter((token) => token.content).length;
  return { runs, share: total === 0 ? 1 : (2 * kept) / total };
}

function joinTokens(tokens: readonly TextToken[], start: number, end: number): string {
  let text = '';
  for (let k = start; k < end; k += 1) text += (tokens[k] as TextToken).text;
  return text;
}

/** Two texts word by word, exactly as written (no blocks: for headings and short texts). */
export function diffWordsOf(from: string, to: string): WordDiff[] {
  return diffTokens(tokeniseText(from), tokeniseText(to)).runs;
}

// ---- blocks -------------------------------------------------------------------

export type BodyBlockKind = 'paragraph' | 'list-item' | 'code';

export interface BodyBlock {
  kind: BodyBlockKind;
  /** Exactly as written, with the line breaks and blank lines that follow it. */
  text: string;
  /** What is compared: whitespace and Unicode composition are not wording. */
  key: string;
}

const LINE = /[^\n]*(?:\n|$)/y;
const BLANK_LINE = /^[ \t]*\r?\n?$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`+|~+)[ \t]*\r?\n?$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|\r?\n?$)/;

function linesOf(text: string): string[] {
  const lines: string[] = [];
  let position = 0;
  while (position < text.length) {
    LINE.lastIndex = position;
    const line = LINE.exec(text)?.[0] ?? '';
    lines.push(line);
    position += line.length;
  }
  return lines;
}

function leadingSpaces(line: string): number {
  let count = 0;
  while (line[count] === ' ' || line[count] === '\t') count += 1;
  return count;
}

/**
 * A section body as paragraphs, list items (one block each, with their indented
 * continuation lines) and fenced code blocks. The blocks put together are the body
 * exactly; blank lines belong to the block before them (leading ones to the first).
 */
export function splitBlocks(body: string): BodyBlock[] {
  const blocks: { kind: BodyBlockKind; text: string; contentIndent: number }[] = [];
  let leading = '';
  let afterBlank = false;
  let fence: { marker: string; length: number } | null = null;
  let afterFence = false;
  const start = (kind: BodyBlockKind, line: string, contentIndent = 0): void => {
    blocks.push({ kind, text: leading + line, contentIndent });
    leading = '';
  };
  for (const line of linesOf(body)) {
    const current = blocks.at(-1);
    if (fence && current) {
      current.text += line;
      const closing = FENCE_CLOSE.exec(line);
      if (closing?.[1] && closing[1][0] === fence.marker && closing[1].length >= fence.length) {
        fence = null;
        afterFence = true;
      }
      continue;
    }
    if (BLANK_LINE.test(line)) {
      if (current) current.text += line;
      else leading += line;
      afterBlank = true;
      continue;
    }
    const opening = FENCE_OPEN.exec(line);
    const item = LIST_ITEM.exec(line);
    if (opening?.[1]) {
      start('code', line);
      fence = { marker: opening[1][0] as string, length: opening[1].length };
    } else if (item) {
      start('list-item', line, (item[1]?.length ?? 0) + (item[2]?.length ?? 0) + 1);
    } else if (!current || afterFence || (afterBlank && !(current.kind === 'list-item' && leadingSpaces(line) >= current.contentIndent))) {
      // After a blank line, only text indented under a list item still belongs to it.
      start('paragraph', line);
    } else {
      current.text += line;
    }
    afterBlank = false;
    afterFence = false;
  }
  if (leading) start('paragraph', '');
  return blocks.map(({ kind, text }) => ({ kind, text, key: normaliseText(text) }));
}

// ---- body diffs ---------------------------------------------------------------

class BlockSide {
  private tokenCache: TextToken[] | null = null;
  private wordCounts: Map<string, number> | null = null;
  contentCount = 0;

  constructor(readonly block: BodyBlock) {}

  get tokens(): TextToken[] {
    this.tokenCache ??= tokeniseText(this.block.text);
    return this.tokenCache;
  }

  get counts(): Map<string, number> {
    if (!this.wordCounts) {
      this.wordCounts = new Map();
      for (const token of this.tokens) {
        if (!token.content) continue;
        this.wordCounts.set(token.key, (this.wordCounts.get(token.key) ?? 0) + 1);
        this.contentCount += 1;
      }
    }
    return this.wordCounts;
  }
}

/**
 * An upper bound of the share two blocks keep, from their words regardless of order: a
 * cheap test that spares the word diff of paragraphs that cannot be similar.
 */
function sharedWordShare(a: BlockSide, b: BlockSide): number {
  const [small, large] = a.counts.size <= b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts];
  let shared = 0;
  for (const [key, count] of small) shared += Math.min(count, large.get(key) ?? 0);
  const total = a.contentCount + b.contentCount;
  return total === 0 ? 1 : (2 * shared) / total;
}

function similarWords(a: BlockSide, b: BlockSide): WordDiff[] | null {
  if (a.block.kind !== b.block.kind || a.block.kind === 'code') return null;
  if (sharedWordShare(a, b) < SIMILAR_PARAGRAPH_SHARE) return null;
  const diff = diffTokens(a.tokens, b.tokens);
  return diff.share >= SIMILAR_PARAGRAPH_SHARE ? diff.runs : null;
}

/**
 * Between two paragraphs kept as they were, the old and the new paragraphs in order:
 * each old one is paired with a similar new one close by (and diffed word by word), the
 * rest are removed or added whole. The window keeps this linear in the paragraph count,
 * and no pair is weighed twice.
 */
function pairChangedBlocks(from: readonly BlockSide[], to: readonly BlockSide[], out: BlockDiff[]): void {
  const weighed = new Map<number, WordDiff[] | null>();
  const wordsOf = (oldIndex: number, newIndex: number): WordDiff[] | null => {
    const key = oldIndex * (to.length + 1) + newIndex;
    if (!weighed.has(key)) weighed.set(key, similarWords(from[oldIndex] as BlockSide, to[newIndex] as BlockSide));
    return weighed.get(key) ?? null;
  };
  let i = 0;
  let j = 0;
  while (i < from.length && j < to.length) {
    let pair: { skipOld: number; skipNew: number; words: WordDiff[] } | null = null;
    for (let distance = 0; distance <= 2 * (PAIRING_WINDOW - 1) && !pair; distance += 1) {
      for (let skipOld = Math.max(0, distance - PAIRING_WINDOW + 1); skipOld <= Math.min(distance, PAIRING_WINDOW - 1); skipOld += 1) {
        const skipNew = distance - skipOld;
        if (i + skipOld >= from.length || j + skipNew >= to.length) continue;
        const words = wordsOf(i + skipOld, j + skipNew);
        if (words && !pair) pair = { skipOld, skipNew, words };
      }
    }
    if (!pair) {
      out.push({ kind: 'removed', from: (from[i] as BlockSide).block.text }, { kind: 'added', to: (to[j] as BlockSide).block.text });
      i += 1;
      j += 1;
      continue;
    }
    for (let k = 0; k < pair.skipOld; k += 1) out.push({ kind: 'removed', from: (from[i + k] as BlockSide).block.text });
    for (let k = 0; k < pair.skipNew; k += 1) out.push({ kind: 'added', to: (to[j + k] as BlockSide).block.text });
    i += pair.skipOld;
    j += pair.skipNew;
    out.push({ kind: 'changed', from: (from[i] as BlockSide).block.text, to: (to[j] as BlockSide).block.text, words: pair.words });
    i += 1;
    j += 1;
  }
  for (; i < from.length; i += 1) out.push({ kind: 'removed', from: (from[i] as BlockSide).block.text });
  for (; j < to.length; j += 1) out.push({ kind: 'added', to: (to[j] as BlockSide).block.text });
}

/**
 * Two section bodies, paragraph by paragraph (list items count as paragraphs): unchanged
 * ones are matched first, then similar ones are diffed word by word, and the rest are
 * shown whole as removed or added.
 */
export function diffBodies(from: string, to: string): BlockDiff[] {
  const fromBlocks = splitBlocks(from).map((block) => new BlockSide(block));
  const toBlocks = splitBlocks(to).map((block) => new BlockSide(block));
  const pairs = alignSequences(
    fromBlocks.map((side) => side.block.key),
    toBlocks.map((side) => side.block.key),
  );
  const out: BlockDiff[] = [];
  let i = 0;
  let j = 0;
  for (const [oldIndex, newIndex] of [...pairs, [fromBlocks.length, toBlocks.length] as const]) {
    pairChangedBlocks(fromBlocks.slice(i, oldIndex), toBlocks.slice(j, newIndex), out);
    const before = fromBlocks[oldIndex];
    const after = toBlocks[newIndex];
    if (before && after) out.push({ kind: 'same', from: before.block.text, to: after.block.text });
    i = oldIndex + 1;
    j = newIndex + 1;
  }
  return out;
}

/** A body diff as one list of runs (what the api's SectionChange.words carries). */
export function wordsOfBlocks(blocks: readonly BlockDiff[]): WordDiff[] {
  const runs: WordDiff[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'same':
        appendRun(runs, 'same', block.to, block.from);
        break;
      case 'removed':
        appendRun(runs, 'removed', block.from);
        break;
      case 'added':
        appendRun(runs, 'added', block.to);
        break;
      case 'changed':
        for (const run of block.words) appendRun(runs, run.kind, run.text, run.fromText ?? run.text);
        break;
    }
  }
  return runs;
}

/** The old text of a diff (SAME and REMOVED runs). */
export function oldSideOf(runs: readonly WordDiff[]): string {
  return runs.map((run) => (run.kind === 'added' ? '' : run.kind === 'same' ? (run.fromText ?? run.text) : run.text)).join('');
}

/** The new text of a diff (SAME and ADDED runs). */
export function newSideOf(runs: readonly WordDiff[]): string {
  return runs.map((run) => (run.kind === 'removed' ? '' : run.text)).join('');
}

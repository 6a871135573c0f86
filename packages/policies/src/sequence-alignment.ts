import { diffArrays } from 'diff';

/**
 * Which items of two sequences to keep as "the same": index pairs [old, new], increasing
 * in both, each pair naming two equal keys. Used for the paragraphs of a section and for
 * the words of a paragraph.
 *
 * A plain Myers diff costs O(N·D): fine for small edits, but a rewritten 5,000-word
 * section took 48 s, because there D is as large as N. So the alignment is a patience
 * diff (as in git and Bazaar): keys that occur exactly once on each side are matched
 * first, keeping the longest run of them in order (O(n log n)), which splits the
 * sequences into small gaps; only inside a gap does jsdiff's Myers run, with its edit
 * distance capped so that it costs at most about MAX_GAP_EDITS steps per item. A gap
 * that needs more edits keeps nothing: its old items count as removed and its new ones
 * as added, which is what a reader should see for text that was rewritten anyway.
 *
 * Two more bounds keep the worst case linear. The patience step reads each range it
 * splits, and splitting the gaps again and again (in texts with few unique words, where
 * every level finds a few more) is paid from a budget of PATIENCE_READS_PER_ITEM reads
 * per item; once it is spent, or MAX_PATIENCE_DEPTH levels down, gaps go straight to
 * Myers. And a long gap (a repetitive text, where Myers is O(N·D) with D growing with
 * N) is cut into slices of about GAP_SLICE items at proportional positions, each aligned
 * on its own: exact for edits spread through the text, approximate only where nothing
 * anchors a repetitive text.
 */
const MAX_GAP_EDITS = 64;
const GAP_SLICE = 256;
const PATIENCE_READS_PER_ITEM = 3;
const MAX_PATIENCE_DEPTH = 32;

export type AlignedPair = [oldIndex: number, newIndex: number];

export interface AlignmentOptions {
  /**
   * Take a unique key as an anchor only when the two keys before it or the two after it
   * match as well. For words: in two unrelated texts some words occur once in each by
   * chance, and anchoring on them splits a rewrite into gaps that then cost Myers steps
   * to show nothing kept. A paragraph, by contrast, is never equal by chance.
   */
  anchorsNeedNeighbours?: boolean;
}

interface Alignment {
  oldKeys: readonly string[];
  newKeys: readonly string[];
  anchorsNeedNeighbours: boolean;
  /** Reads left for the patience step. */
  reads: number;
  pairs: AlignedPair[];
}

export function alignSequences(oldKeys: readonly string[], newKeys: readonly string[], options: AlignmentOptions = {}): AlignedPair[] {
  const alignment: Alignment = {
    oldKeys,
    newKeys,
    anchorsNeedNeighbours: options.anchorsNeedNeighbours ?? false,
    reads: PATIENCE_READS_PER_ITEM * (oldKeys.length + newKeys.length),
    pairs: [],
  };
  alignRange(alignment, 0, oldKeys.length, 0, newKeys.length, 0);
  return alignment.pairs;
}

function alignRange(alignment: Alignment, oldStart: number, oldEnd: number, newStart: number, newEnd: number, depth: number): void {
  const { oldKeys, newKeys, pairs } = alignment;
  let i = oldStart;
  let j = newStart;
  while (i < oldEnd && j < newEnd && oldKeys[i] === newKeys[j]) pairs.push([i++, j++]);
  let suffix = 0;
  while (oldEnd - suffix > i && newEnd - suffix > j && oldKeys[oldEnd - 1 - suffix] === newKeys[newEnd - 1 - suffix]) suffix += 1;
  const innerOldEnd = oldEnd - suffix;
  const innerNewEnd = newEnd - suffix;
  if (i < innerOldEnd && j < innerNewEnd) {
    const reads = innerOldEnd - i + (innerNewEnd - j);
    const affordable = depth < MAX_PATIENCE_DEPTH && reads <= alignment.reads;
    if (affordable) alignment.reads -= reads;
    const anchors = affordable ? uniqueCommonAnchors(alignment, i, innerOldEnd, j, innerNewEnd) : [];
    if (anchors.length > 0) {
      for (const [oldIndex, newIndex] of anchors) {
        alignRange(alignment, i, oldIndex, j, newIndex, depth + 1);
        pairs.push([oldIndex, newIndex]);
        i = oldIndex + 1;
        j = newIndex + 1;
      }
      alignRange(alignment, i, innerOldEnd, j, innerNewEnd, depth + 1);
    } else {
      alignBySlices(oldKeys, newKeys, i, innerOldEnd, j, innerNewEnd, pairs);
    }
  }
  for (let k = 0; k < suffix; k += 1) pairs.push([innerOldEnd + k, innerNewEnd + k]);
}

function neighboursMatch(oldKeys: readonly string[], newKeys: readonly string[], i: number, j: number): boolean {
  const same = (offset: number): boolean => {
    const key = oldKeys[i + offset];
    return key !== undefined && key === newKeys[j + offset];
  };
  return (same(-1) && same(-2)) || (same(1) && same(2));
}

/** Keys found once in each range, matched, then the longest run of them in the same order. */
function uniqueCommonAnchors(alignment: Alignment, oldStart: number, oldEnd: number, newStart: number, newEnd: number): AlignedPair[] {
  const { oldKeys, newKeys } = alignment;
  // Per key: where it is on each side, or -2 once it is seen twice there.
  const seen = new Map<string, { oldIndex: number; newIndex: number }>();
  for (let i = oldStart; i < oldEnd; i += 1) {
    const key = oldKeys[i] as string;
    const entry = seen.get(key);
    if (entry) entry.oldIndex = -2;
    else seen.set(key, { oldIndex: i, newIndex: -1 });
  }
  for (let j = newStart; j < newEnd; j += 1) {
    const entry = seen.get(newKeys[j] as string);
    if (entry) entry.newIndex = entry.newIndex === -1 ? j : -2;
  }
  const candidates: AlignedPair[] = [];
  for (let i = oldStart; i < oldEnd; i += 1) {
    const entry = seen.get(oldKeys[i] as string);
    if (!entry || entry.oldIndex !== i || entry.newIndex < 0) continue;
    if (alignment.anchorsNeedNeighbours && !neighboursMatch(oldKeys, newKeys, i, entry.newIndex)) continue;
    candidates.push([i, entry.newIndex]);
  }
  return longestIncreasingRun(candidates);
}

/** Patience sorting: the longest subsequence of pairs whose new indexes increase, in O(n log n). */
function longestIncreasingRun(candidates: readonly AlignedPair[]): AlignedPair[] {
  const tails: number[] = []; // tails[k]: index into candidates of the smallest end of a run of length k + 1
  const previous = new Array<number>(candidates.length).fill(-1);
  candidates.forEach(([, newIndex], index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((candidates[tails[middle] as number] as AlignedPair)[1] < newIndex) low = middle + 1;
      else high = middle;
    }
    if (low > 0) previous[index] = tails[low - 1] as number;
    tails[low] = index;
  });
  const run: AlignedPair[] = [];
  for (let index = tails.at(-1) ?? -1; index >= 0; index = previous[index] as number) run.push(candidates[index] as AlignedPair);
  return run.reverse();
}

function alignBySlices(
  oldKeys: readonly string[],
  newKeys: readonly string[],
  oldStart: number,
  oldEnd: number,
  newStart: number,
  newEnd: number,
  pairs: AlignedPair[],
): void {
  const slices = Math.ceil(Math.max(oldEnd - oldStart, newEnd - newStart) / GAP_SLICE);
  const cut = (start: number, end: number, slice: number): number => start + Math.floor(((end - start) * slice) / slices);
  for (let slice = 0; slice < slices; slice += 1) {
    alignByBoundedEdits(
      oldKeys,
      newKeys,
      cut(oldStart, oldEnd, slice),
      cut(oldStart, oldEnd, slice + 1),
      cut(newStart, newEnd, slice),
      cut(newStart, newEnd, slice + 1),
      pairs,
    );
  }
}

function alignByBoundedEdits(
  oldKeys: readonly string[],
  newKeys: readonly string[],
  oldStart: number,
  oldEnd: number,
  newStart: number,
  newEnd: number,
  pairs: AlignedPair[],
): void {
  const oldSlice = oldKeys.slice(oldStart, oldEnd);
  const newSlice = newKeys.slice(newStart, newEnd);
  // Every key one side has more often than the other is at least one edit, whatever the
  // order; when that alone exceeds the cap, Myers would spend O(cap²) steps to fail.
  if (oldSlice.length + newSlice.length - 2 * sharedCount(oldSlice, newSlice) > MAX_GAP_EDITS) return;
  const changes = diffArrays(oldSlice, newSlice, { maxEditLength: MAX_GAP_EDITS });
  if (!changes) return;
  let i = oldStart;
  let j = newStart;
  for (const change of changes) {
    if (change.added) j += change.count;
    else if (change.removed) i += change.count;
    else for (let k = 0; k < change.count; k += 1) pairs.push([i++, j++]);
  }
}

/** How many items the two lists have in common, counted with repetition, ignoring order. */
function sharedCount(oldSlice: readonly string[], newSlice: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const key of oldSlice) counts.set(key, (counts.get(key) ?? 0) + 1);
  let shared = 0;
  for (const key of newSlice) {
    const count = counts.get(key) ?? 0;
    if (count > 0) {
      shared += 1;
      counts.set(key, count - 1);
    }
  }
  return shared;
}

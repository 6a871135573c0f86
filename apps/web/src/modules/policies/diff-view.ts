import { diffBodies, diffWordsOf, normaliseText, type BlockDiff, type WordDiff } from '@policy-commons/policies';
import type { SectionChangeKind } from '../../generated/graphql';

/** The fields of a SectionChange the diff page reads. */
export interface DiffSection {
  anchor: string;
  title: string;
  change: SectionChangeKind;
  moved: boolean;
  fromTitle?: string | null;
  fromBody?: string | null;
  toBody?: string | null;
  fromParentAnchor?: string | null;
  toParentAnchor?: string | null;
}

export type DiffGroup<T extends DiffSection> = { kind: 'section'; section: T } | { kind: 'unchanged'; sections: T[] };

/**
 * Runs of unchanged sections fold into one group, so the page leads with what changed;
 * every other section stands alone, in the diff's order.
 */
export function groupDiffSections<T extends DiffSection>(sections: readonly T[]): DiffGroup<T>[] {
  const groups: DiffGroup<T>[] = [];
  for (const section of sections) {
    const last = groups.at(-1);
    if (section.change === 'UNCHANGED') {
      if (last?.kind === 'unchanged') last.sections.push(section);
      else groups.push({ kind: 'unchanged', sections: [section] });
    } else {
      groups.push({ kind: 'section', section });
    }
  }
  return groups;
}

export function countChanges(sections: readonly DiffSection[]): Record<SectionChangeKind, number> {
  const counts: Record<SectionChangeKind, number> = { ADDED: 0, REMOVED: 0, CHANGED: 0, MOVED: 0, UNCHANGED: 0 };
  for (const section of sections) counts[section.change] += 1;
  return counts;
}

/** One side of a diffed text: its pieces in order, each highlighted or not. */
export interface SidePiece {
  text: string;
  changed: boolean;
}

/**
 * The pieces one side shows: the old text (kept and removed runs) or the new one (kept
 * and added runs), exactly as written. A change of whitespace alone is not highlighted:
 * Markdown renders a line break and a space alike, so there is nothing to see.
 */
export function sideOf(runs: readonly WordDiff[], side: 'from' | 'to'): SidePiece[] {
  const shown = side === 'from' ? 'removed' : 'added';
  const pieces: SidePiece[] = [];
  for (const run of runs) {
    if (run.kind !== 'same' && run.kind !== shown) continue;
    const text = side === 'from' && run.kind === 'same' ? (run.fromText ?? run.text) : run.text;
    const changed = run.kind === shown && /\S/.test(text);
    const last = pieces.at(-1);
    if (last && last.changed === changed) last.text += text;
    else pieces.push({ text, changed });
  }
  return pieces;
}

/**
 * A row of the side-by-side diff: a paragraph (or list item) on both sides, a paragraph
 * diffed word by word, or the paragraphs one version has in place of the other's, whole.
 */
export type DiffRow =
  | { kind: 'same'; from: string; to: string }
  | { kind: 'changed'; from: SidePiece[]; to: SidePiece[] }
  | { kind: 'replaced'; removed: string[]; added: string[] };

/** Consecutive removed and added paragraphs share a row: the old ones beside the new ones. */
export function diffRowsOf(blocks: readonly BlockDiff[]): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const block of blocks) {
    if (block.kind === 'same') rows.push({ kind: 'same', from: block.from, to: block.to });
    else if (block.kind === 'changed') rows.push({ kind: 'changed', from: sideOf(block.words, 'from'), to: sideOf(block.words, 'to') });
    else {
      let last = rows.at(-1);
      if (last?.kind !== 'replaced') {
        last = { kind: 'replaced', removed: [], added: [] };
        rows.push(last);
      }
      if (block.kind === 'removed') last.removed.push(block.from);
      else last.added.push(block.to);
    }
  }
  return rows;
}

/** A changed section's body, paragraph by paragraph, worked out here from the two bodies the API sent. */
export function bodyRowsOf(section: DiffSection): DiffRow[] {
  if (section.change !== 'CHANGED' || section.fromBody == null || section.toBody == null) return [];
  return diffRowsOf(diffBodies(section.fromBody, section.toBody));
}

/** A reworded heading's two sides, or null when the heading kept its wording. */
export function titleSidesOf(section: DiffSection): { from: SidePiece[]; to: SidePiece[] } | null {
  if (section.change !== 'CHANGED' || section.fromTitle == null || normaliseText(section.fromTitle) === normaliseText(section.title)) return null;
  const runs = diffWordsOf(section.fromTitle, section.title);
  return { from: sideOf(runs, 'from'), to: sideOf(runs, 'to') };
}

const CHANGE_LABELS: Record<SectionChangeKind, string> = {
  ADDED: 'Added',
  REMOVED: 'Removed',
  CHANGED: 'Changed',
  MOVED: 'Moved',
  UNCHANGED: 'Unchanged',
};

export function changeLabel(change: SectionChangeKind): string {
  return CHANGE_LABELS[change];
}

/** "3 changed, 2 added, 1 removed, 1 moved, 9 unchanged", leaving out kinds with none. */
export function describeCounts(counts: Record<SectionChangeKind, number>): string {
  const order: SectionChangeKind[] = ['CHANGED', 'ADDED', 'REMOVED', 'MOVED', 'UNCHANGED'];
  const parts = order.filter((kind) => counts[kind] > 0).map((kind) => `${counts[kind]} ${CHANGE_LABELS[kind].toLowerCase()}`);
  return parts.length === 0 ? 'no sections' : parts.join(', ');
}

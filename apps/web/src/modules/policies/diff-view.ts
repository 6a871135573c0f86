import { diffWordsOf } from '@policy-commons/policies';
import type { SectionChangeKind, WordChangeKind } from '../../generated/graphql';

export interface WordRun {
  kind: WordChangeKind;
  text: string;
}

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
  words: readonly WordRun[];
  titleWords: readonly WordRun[];
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

/** The API's word runs for a changed body, or our own from the two bodies when it sent none. */
export function bodyWordsOf(section: DiffSection): WordRun[] {
  if (section.change !== 'CHANGED') return [];
  if (section.words.length > 0) return [...section.words];
  if (section.fromBody == null || section.toBody == null) return [];
  return diffWordsOf(section.fromBody, section.toBody).map((run) => ({ kind: run.kind === 'added' ? 'ADDED' : run.kind === 'removed' ? 'REMOVED' : 'SAME', text: run.text }));
}

/**
 * The runs one side shows. The word diff attaches the space between two words to the
 * run that changed, so dropping the other side's run can glue words together
 * ("own timecan"); a dropped run that held whitespace leaves one space behind.
 */
function oneSide(runs: readonly WordRun[], dropped: WordChangeKind): WordRun[] {
  const kept: WordRun[] = [];
  let owesSpace = false;
  for (const run of runs) {
    if (run.kind === dropped) {
      owesSpace ||= /\s/.test(run.text);
      continue;
    }
    const previous = kept.at(-1);
    if (owesSpace && previous && !/\s$/.test(previous.text) && !/^\s/.test(run.text)) kept.push({ kind: 'SAME', text: ' ' });
    owesSpace = false;
    kept.push(run);
  }
  return kept;
}

/** One word diff as two columns: the old text without additions, the new without removals. */
export function sidesOf(runs: readonly WordRun[]): { from: WordRun[]; to: WordRun[] } {
  return { from: oneSide(runs, 'ADDED'), to: oneSide(runs, 'REMOVED') };
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

import { compareVersions } from './version-number.js';
import { normaliseText, sectionFingerprint } from './fingerprint.js';
import { diffBodies, diffWordsOf, wordsOfBlocks, type BlockDiff, type WordDiff } from './text-diff.js';

export const SECTION_CHANGE_KINDS = ['ADDED', 'REMOVED', 'CHANGED', 'UNCHANGED', 'MOVED'] as const;
export type SectionChangeKind = (typeof SECTION_CHANGE_KINDS)[number];

/** The parts of a section a diff needs; a parsed PolicySection or an api row both fit. */
export interface DiffableSection {
  anchor: string;
  title: string;
  body: string;
  level: number;
  parentAnchor: string | null;
}

/** Sections in document order. */
export interface DiffableVersion {
  sections: readonly DiffableSection[];
}

export interface SectionPlacement {
  title: string;
  level: number;
  parentAnchor: string | null;
  /** Index in its version's document order. */
  position: number;
}

export interface SectionChange {
  anchor: string;
  /** The to-version's title, or the from-version's for a removed section. */
  title: string;
  change: SectionChangeKind;
  /** Null for an ADDED section. */
  from: SectionPlacement | null;
  /** Null for a REMOVED section. */
  to: SectionPlacement | null;
  /** Also true for a CHANGED section that moved (CHANGED wins over MOVED). */
  moved: boolean;
  /** CHANGED only: the body paragraph by paragraph, with words highlighted inside similar ones. */
  blocks?: BlockDiff[];
  /** CHANGED only: the same as one list of runs; SAME and ADDED runs put together are the new body exactly. */
  words?: WordDiff[];
  /** CHANGED only, when the heading was reworded. */
  titleWords?: WordDiff[];
}

function indexByAnchor(version: DiffableVersion): Map<string, { section: DiffableSection; position: number }> {
  const byAnchor = new Map<string, { section: DiffableSection; position: number }>();
  version.sections.forEach((section, position) => {
    // A valid version has unique anchors; for a broken one, the first occurrence wins.
    if (!byAnchor.has(section.anchor)) byAnchor.set(section.anchor, { section, position });
  });
  return byAnchor;
}

/**
 * Anchors kept in the same relative order: a longest common subsequence of the two
 * orders. Among equally long ones, prefer keeping sections whose wording is unchanged,
 * so that an ambiguous move is put on a section already reported as CHANGED rather
 * than reported as a separate MOVED.
 *
 * Anchors are unique within a version, so the common subsequence is the longest
 * increasing run of to-positions taken in from-order, found with a Fenwick tree of
 * prefix maxima in O(n log n). (The table-filling LCS it replaces was O(n²) in time and
 * memory: a 200,000-character draft can hold tens of thousands of sections.)
 */
function anchorsInPlace(
  fromOrder: readonly string[],
  toOrder: readonly string[],
  sameText: (anchor: string) => boolean,
): Set<string> {
  const toPosition = new Map(toOrder.map((anchor, position) => [anchor, position]));
  const count = fromOrder.length;
  // A run's score: its length first, then how many of its sections kept their wording.
  const weight = count + 1;
  const tree = new Array<number>(toOrder.length + 1).fill(0); // best score of a run ending at or below a position
  const treeEnd = new Array<number>(toOrder.length + 1).fill(-1); // the from-index that run ends with
  const previous = new Array<number>(count).fill(-1);
  let bestScore = 0;
  let bestEnd = -1;
  fromOrder.forEach((anchor, index) => {
    const position = toPosition.get(anchor) as number;
    let score = 0;
    let before = -1;
    for (let k = position; k > 0; k -= k & -k) {
      if ((tree[k] as number) > score) {
        score = tree[k] as number;
        before = treeEnd[k] as number;
      }
    }
    score += weight + (sameText(anchor) ? 1 : 0);
    previous[index] = before;
    for (let k = position + 1; k <= toOrder.length; k += k & -k) {
      if (score > (tree[k] as number)) {
        tree[k] = score;
        treeEnd[k] = index;
      }
    }
    if (score > bestScore) {
      bestScore = score;
      bestEnd = index;
    }
  });
  const kept = new Set<string>();
  for (let index = bestEnd; index >= 0; index = previous[index] as number) kept.add(fromOrder[index] as string);
  return kept;
}

function placement(section: DiffableSection, position: number): SectionPlacement {
  return { title: section.title, level: section.level, parentAnchor: section.parentAnchor, position };
}

/**
 * Section by section, what changed from one version to another, matched by anchor.
 * MOVED means the same wording under a different parent, at a different level, or out
 * of order relative to the other sections both versions share. The list follows the
 * to-version, with each removed section placed after the section it used to follow.
 */
export function diffPolicyVersions(from: DiffableVersion, to: DiffableVersion): SectionChange[] {
  const fromIndex = indexByAnchor(from);
  const toIndex = indexByAnchor(to);
  const commonFromOrder = [...fromIndex.keys()].filter((anchor) => toIndex.has(anchor));
  const commonToOrder = [...toIndex.keys()].filter((anchor) => fromIndex.has(anchor));
  const fingerprints = (version: typeof fromIndex): Map<string, string> =>
    new Map([...version].map(([anchor, { section }]) => [anchor, sectionFingerprint(section)]));
  const fromFingerprints = fingerprints(fromIndex);
  const toFingerprints = fingerprints(toIndex);
  const sameText = (anchor: string): boolean => fromFingerprints.get(anchor) === toFingerprints.get(anchor);
  const inPlace = anchorsInPlace(commonFromOrder, commonToOrder, sameText);

  const removedAfter = new Map<string | null, SectionChange[]>();
  let lastSurvivor: string | null = null;
  for (const [anchor, { section, position }] of fromIndex) {
    if (toIndex.has(anchor)) {
      lastSurvivor = anchor;
      continue;
    }
    const change: SectionChange = {
      anchor,
      title: section.title,
      change: 'REMOVED',
      from: placement(section, position),
      to: null,
      moved: false,
    };
    const after = removedAfter.get(lastSurvivor);
    if (after) after.push(change);
    else removedAfter.set(lastSurvivor, [change]);
  }

  const changes: SectionChange[] = [...(removedAfter.get(null) ?? [])];
  for (const [anchor, { section, position }] of toIndex) {
    const before = fromIndex.get(anchor);
    if (!before) {
      changes.push({ anchor, title: section.title, change: 'ADDED', from: null, to: placement(section, position), moved: false });
    } else {
      const moved =
        !inPlace.has(anchor) ||
        before.section.parentAnchor !== section.parentAnchor ||
        before.section.level !== section.level;
      const same = sameText(anchor);
      const change: SectionChange = {
        anchor,
        title: section.title,
        change: same ? (moved ? 'MOVED' : 'UNCHANGED') : 'CHANGED',
        from: placement(before.section, before.position),
        to: placement(section, position),
        moved,
      };
      if (!same) {
        change.blocks = diffBodies(before.section.body, section.body);
        change.words = wordsOfBlocks(change.blocks);
        if (normaliseText(before.section.title) !== normaliseText(section.title)) {
          change.titleWords = diffWordsOf(before.section.title, section.title);
        }
      }
      changes.push(change);
    }
    changes.push(...(removedAfter.get(anchor) ?? []));
  }
  return changes;
}

export function countSectionChanges(changes: readonly SectionChange[]): Record<SectionChangeKind, number> {
  const counts: Record<SectionChangeKind, number> = { ADDED: 0, REMOVED: 0, CHANGED: 0, UNCHANGED: 0, MOVED: 0 };
  for (const change of changes) counts[change.change] += 1;
  return counts;
}

export type CitedSectionChange = 'UNCHANGED' | 'CHANGED' | 'REMOVED';

/**
 * Did the section cited in one version change in a later one? A section that only
 * moved still says what was cited, so it is UNCHANGED. Throws RangeError when the
 * from-version has no such section (the citation itself is wrong).
 */
export function sectionChangeBetween(
  fromVersion: DiffableVersion,
  toVersion: DiffableVersion,
  anchor: string,
): CitedSectionChange {
  const before = fromVersion.sections.find((section) => section.anchor === anchor);
  if (!before) throw new RangeError(`the cited version has no section "${anchor}"`);
  const after = toVersion.sections.find((section) => section.anchor === anchor);
  if (!after) return 'REMOVED';
  return sectionFingerprint(before) === sectionFingerprint(after) ? 'UNCHANGED' : 'CHANGED';
}

export type CitationStatus = 'CURRENT' | CitedSectionChange;

/** The api's CitationStatus: CURRENT when the cited version is the latest, else what happened to the section. */
export function citationStatus(
  cited: DiffableVersion & { version: string },
  latest: DiffableVersion & { version: string },
  anchor: string,
): CitationStatus {
  if (compareVersions(cited.version, latest.version) >= 0) {
    if (!cited.sections.some((section) => section.anchor === anchor)) {
      throw new RangeError(`the cited version has no section "${anchor}"`);
    }
    return 'CURRENT';
  }
  return sectionChangeBetween(cited, latest, anchor);
}

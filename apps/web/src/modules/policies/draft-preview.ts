import { diffPolicyVersions, nextVersion, parsePolicyBody, policyFormatErrorSentence, type SectionChangeKind } from '@policy-commons/policies';

export interface DraftSectionPreview {
  anchor: string;
  title: string;
  level: number;
  /** Against the latest published version; ADDED for everything in a first version. */
  change: SectionChangeKind;
}

export interface DraftPreview {
  /** The draft's sections as readers would see them. */
  parsed: { anchor: string; title: string; body: string; level: number; parentAnchor: string | null }[];
  sections: DraftSectionPreview[];
  /** Sections of the latest version the draft no longer has. */
  removed: { anchor: string; title: string }[];
  /** Format problems in plain words (no rule ids), with 1-based lines in the draft; saving and publishing would be refused. */
  errors: { line: number | null; message: string }[];
}

/** What publishing the draft would do to the document's sections, worked out in the browser. */
export function previewDraft(draftMarkdown: string, latestMarkdown: string | null): DraftPreview {
  const draft = parsePolicyBody(draftMarkdown);
  const errors = draft.ok ? [] : draft.errors.map((error) => ({ line: error.line, message: policyFormatErrorSentence(error) }));
  const latest = latestMarkdown === null ? null : parsePolicyBody(latestMarkdown);
  if (!latest) {
    return { parsed: draft.sections, sections: draft.sections.map((section) => ({ anchor: section.anchor, title: section.title, level: section.level, change: 'ADDED' })), removed: [], errors };
  }
  const changes = diffPolicyVersions(latest, draft);
  const levels = new Map(draft.sections.map((section) => [section.anchor, section.level]));
  return {
    parsed: draft.sections,
    sections: changes.filter((change) => change.change !== 'REMOVED').map((change) => ({ anchor: change.anchor, title: change.title, level: levels.get(change.anchor) ?? 2, change: change.change })),
    removed: changes.filter((change) => change.change === 'REMOVED').map((change) => ({ anchor: change.anchor, title: change.title })),
    errors,
  };
}

/** The number the next version will get: 1.0 for the first, else the bump of the latest. */
export function upcomingVersion(latest: string | null, bump: 'MAJOR' | 'MINOR'): string {
  return latest === null ? '1.0' : nextVersion(latest, bump);
}

/**
 * Citations that publishing this (possibly unsaved) draft would make stale: they still
 * say what the latest version says (CURRENT, or UNCHANGED since an older one), and the
 * draft changes or removes their section. The api answers the same for the saved draft.
 */
export function citationsStaleInDraft<T extends { status: string; section: { anchor: string } }>(citations: readonly T[], preview: DraftPreview): { change: 'CHANGED' | 'REMOVED'; citation: T }[] {
  const changed = new Set(preview.sections.filter((section) => section.change === 'CHANGED').map((section) => section.anchor));
  const removed = new Set(preview.removed.map((section) => section.anchor));
  const stale: { change: 'CHANGED' | 'REMOVED'; citation: T }[] = [];
  for (const citation of citations) {
    if (citation.status !== 'CURRENT' && citation.status !== 'UNCHANGED') continue;
    if (changed.has(citation.section.anchor)) stale.push({ change: 'CHANGED', citation });
    else if (removed.has(citation.section.anchor)) stale.push({ change: 'REMOVED', citation });
  }
  return stale;
}

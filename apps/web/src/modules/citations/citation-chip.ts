import { parseCitationReference } from '@policy-commons/policies';
import type { CitationFieldsFragment, CitationStatus } from '../../generated/graphql';

/** What a chip shows for one `policy:` reference in a post. */
export interface CitationChip {
  reference: string;
  /** The cited section of the cited version. */
  href: string;
  /** The document title when the API told us; the slug otherwise (e.g. in an editor preview). */
  documentLabel: string;
  version: string;
  /** The section title when known; the anchor otherwise. */
  sectionLabel: string;
  /** Null when the post has not been saved yet, so the API has not resolved the reference. */
  status: CitationStatus | null;
  /** "changed in 3.0"; null for a current citation or an unresolved one. */
  statusText: string | null;
  /** Where the status text links: the diff for a changed or removed section, the latest section otherwise. */
  statusHref: string | null;
}

export function policySectionPath(slug: string, version: string, anchor: string): string {
  return `/policies/${encodeURIComponent(slug)}/${encodeURIComponent(version)}#${encodeURIComponent(anchor)}`;
}

export function policyDiffPath(slug: string, from: string, to: string, anchor?: string): string {
  const query = new URLSearchParams({ from, to }).toString();
  return `/policies/${encodeURIComponent(slug)}/diff?${query}${anchor ? `#${encodeURIComponent(anchor)}` : ''}`;
}

/**
 * What became of the cited section: the version that first changed (or removed) it, which
 * need not be the latest, and the latest when that is another one.
 */
export function citationStatusText(status: CitationStatus, latestVersion: string, changedIn?: string | null): string | null {
  const first = changedIn ?? latestVersion;
  const now = first === latestVersion ? '' : `; current ${latestVersion}`;
  switch (status) {
    case 'CURRENT':
      return null;
    case 'UNCHANGED':
      return `unchanged in ${latestVersion}`;
    case 'CHANGED':
      return `changed in ${first}${now}`;
    case 'REMOVED':
      return `removed in ${first}${now}`;
  }
}

/**
 * The chip for a reference, from the post's resolved citation when there is one, or
 * from the reference alone (null when it does not parse, so it stays plain text).
 */
export function citationChipOf(reference: string, citation: CitationFieldsFragment | undefined): CitationChip | null {
  if (citation) {
    const slug = citation.document.slug;
    const version = citation.version.version;
    const latest = citation.latestVersion.version;
    const anchor = citation.section.anchor;
    const status = citation.status;
    let statusHref: string | null = null;
    if (status === 'CHANGED' || status === 'REMOVED') statusHref = policyDiffPath(slug, version, latest, anchor);
    else if (status === 'UNCHANGED') statusHref = policySectionPath(slug, latest, anchor);
    return {
      reference,
      href: policySectionPath(slug, version, anchor),
      documentLabel: citation.document.title,
      version,
      sectionLabel: citation.section.title,
      status,
      statusText: citationStatusText(status, latest, citation.changedIn?.version),
      statusHref,
    };
  }
  const parsed = parseCitationReference(reference);
  if (!parsed.ok) return null;
  const { slug, version, anchor } = parsed.reference;
  return {
    reference,
    href: policySectionPath(slug, version, anchor),
    documentLabel: slug,
    version,
    sectionLabel: anchor,
    status: null,
    statusText: null,
    statusHref: null,
  };
}

/** Citations keyed by their reference text, as written in the post. */
export function citationsByReference<T extends { reference: string }>(citations: readonly T[] | undefined): ReadonlyMap<string, T> {
  return new Map((citations ?? []).map((citation) => [citation.reference, citation]));
}

import { compareVersions, isVersionNumber } from '@policy-commons/policies';

/** The version published just before `version` in an oldest-first list, or null. */
export function previousVersionOf(versions: readonly { version: string }[], version: string): string | null {
  const index = versions.findIndex((candidate) => candidate.version === version);
  return index > 0 ? versions[index - 1].version : null;
}

/** Versions newest first, numerically (2.10 after 2.9); malformed ones last, as given. */
export function newestFirst<T extends { version: string }>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => {
    const aValid = isVersionNumber(a.version);
    const bValid = isVersionNumber(b.version);
    if (aValid && bValid) return compareVersions(b.version, a.version);
    return aValid ? -1 : bValid ? 1 : 0;
  });
}

/**
 * The diff page's pair: the query's from/to when they name versions of the document,
 * otherwise the latest version against the one before it.
 */
export function diffPair(versions: readonly { version: string }[], from: string | null, to: string | null): { from: string; to: string } | null {
  const known = new Set(versions.map((candidate) => candidate.version));
  const latest = versions.at(-1)?.version;
  const resolvedTo = to && known.has(to) ? to : latest;
  if (!resolvedTo) return null;
  const resolvedFrom = from && known.has(from) ? from : previousVersionOf(versions, resolvedTo);
  if (!resolvedFrom) return null;
  return { from: resolvedFrom, to: resolvedTo };
}

import { policyFormatError, type PolicyFormatError } from './errors.js';
import { compareVersions, isVersionNumber } from './version-number.js';

/** What the history rules look at; a parsed PolicyVersionFile or an api row both fit. */
export interface HistoryVersion {
  slug: string;
  title: string;
  organisation: string;
  version: string;
  publishedOn: string;
  file?: string | null;
}

/**
 * Check the versions of one document, given in publication order: one slug, title and
 * organisation throughout; each version number greater than the one before; no
 * version published before its predecessor. The api runs this with a candidate
 * appended before publishing it.
 */
export function validateDocumentHistory(versions: readonly HistoryVersion[]): PolicyFormatError[] {
  const errors: PolicyFormatError[] = [];
  const first = versions[0];
  if (!first) return errors;
  const seen = new Map<string, HistoryVersion>();
  let previous: HistoryVersion | null = null;

  for (const current of versions) {
    const file = current.file ?? null;
    for (const field of ['slug', 'title', 'organisation'] as const) {
      if (current[field] !== first[field]) {
        errors.push(
          policyFormatError(
            'document-mismatch',
            `version ${current.version} has ${field} "${current[field]}" but version ${first.version} has "${first[field]}"; every version of a document shares its ${field}`,
            file,
            null,
          ),
        );
      }
    }
    if (!isVersionNumber(current.version)) {
      // parsePolicyVersion already reported it; comparing would throw.
      previous = null;
      continue;
    }
    const duplicate = seen.get(current.version);
    if (duplicate) {
      errors.push(
        policyFormatError(
          'duplicate-version',
          `version ${current.version} is published twice${duplicate.file ? ` (also in ${duplicate.file})` : ''}`,
          file,
          null,
        ),
      );
    } else if (previous && compareVersions(current.version, previous.version) <= 0) {
      errors.push(
        policyFormatError(
          'version-not-increasing',
          `version ${current.version} (published ${current.publishedOn}) is not greater than version ${previous.version} published before it (${previous.publishedOn})`,
          file,
          null,
        ),
      );
    }
    if (previous && current.publishedOn < previous.publishedOn) {
      errors.push(
        policyFormatError(
          'published-before-previous',
          `version ${current.version} is dated ${current.publishedOn}, before version ${previous.version} (${previous.publishedOn})`,
          file,
          null,
        ),
      );
    }
    seen.set(current.version, current);
    previous = current;
  }
  return errors;
}

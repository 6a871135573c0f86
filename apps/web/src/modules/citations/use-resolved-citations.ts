import { useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { scanCitationReferences } from '@policy-commons/policies';
import type { CitationFieldsFragment } from '../../generated/graphql';
import { useDebouncedValue } from '../layout/use-debounced-value';
import { resolveCitationsQuery } from './graphql/resolve-citations.query';

/** As many references as the api resolves in one call (MAX_PREVIEWED_REFERENCES there). */
export const MAX_RESOLVED_REFERENCES = 50;

/**
 * The `policy:` references written in these texts that are not resolved yet, each once,
 * in the order written: well-formed ones and malformed ones alike, since the api explains
 * both. Code spans and fences hold examples, not citations, and are left out.
 */
export function referencesToResolve(sources: readonly string[], resolved: ReadonlySet<string>): string[] {
  const wanted = new Set<string>();
  for (const source of sources) {
    if (!source.includes('policy:')) continue;
    const { references, problems } = scanCitationReferences(source);
    for (const found of [...references, ...problems].sort((a, b) => a.start - b.start)) {
      if (!resolved.has(found.raw)) wanted.add(found.raw);
    }
  }
  return [...wanted].slice(0, MAX_RESOLVED_REFERENCES);
}

export interface ResolvedCitations {
  /** What the references cite, for chips with titles and statuses, as on a saved post. */
  citations: readonly CitationFieldsFragment[];
  /** Why each other reference cannot be cited, in words, keyed by the reference as written. */
  problems: ReadonlyMap<string, string>;
}

const NONE: ResolvedCitations = { citations: [], problems: new Map() };

/**
 * Citations for text the api has not stored (an editor's preview, an old revision, a policy
 * version's own links): one request for every reference in `sources`, once they have not
 * changed for `delayMs` (typing), skipping the ones `known` already resolves. Until the
 * answer comes the references render as plain chips; afterwards each is a titled chip or
 * an error saying why saving would refuse it.
 */
export function useResolvedCitations(
  sources: readonly string[],
  { known = [], delayMs = 0, skip = false }: { known?: readonly CitationFieldsFragment[]; delayMs?: number; skip?: boolean } = {},
): ResolvedCitations {
  const sourcesKey = sources.join('\u0000');
  const knownKey = known.map((citation) => citation.reference).join('\n');
  const wantedKey = useMemo(
    () => (skip ? '' : referencesToResolve(sourcesKey.split('\u0000'), new Set(knownKey.split('\n'))).join('\n')),
    [sourcesKey, knownKey, skip],
  );
  const askedKey = useDebouncedValue(wantedKey, delayMs);
  const asked = askedKey === '' ? [] : askedKey.split('\n');
  const { data, previousData } = useQuery(resolveCitationsQuery, { variables: { references: asked }, skip: asked.length === 0 });
  const answers = (data ?? previousData)?.resolveCitations;
  return useMemo(() => {
    if (!answers || wantedKey === '') return NONE;
    // Only what is still written: a reference deleted since the request was sent is dropped.
    const wanted = new Set(wantedKey.split('\n'));
    const citations: CitationFieldsFragment[] = [];
    const problems = new Map<string, string>();
    for (const answer of answers) {
      if (!wanted.has(answer.reference)) continue;
      if (answer.citation) citations.push({ ...answer.citation, reference: answer.reference });
      else if (answer.problem) problems.set(answer.reference, answer.problem);
    }
    return { citations, problems };
  }, [answers, wantedKey]);
}

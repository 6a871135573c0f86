import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { CitationFieldsFragment } from '../../generated/graphql';
import { summariseApiError } from '../api/api-error';
import { citationStatusText } from './citation-chip';
import { refreshCitationsMutation } from './graphql/refresh-citations.mutation';
import { updateCitationToLatestMutation } from './graphql/update-citation-to-latest.mutation';

/** Citations an answer's author can move to the latest version: the section still exists there. */
export function movableCitations(citations: readonly CitationFieldsFragment[]): CitationFieldsFragment[] {
  return citations.filter((citation) => citation.status === 'CHANGED' || citation.status === 'UNCHANGED');
}

/** For an answer's author: move each out-of-date citation to the latest version (an edit of the answer). */
export function MoveCitationsPanel({ answerId, citations }: { answerId: string; citations: readonly CitationFieldsFragment[] }) {
  const [updateCitation, updating] = useMutation(updateCitationToLatestMutation);
  const [refreshCitations, refreshing] = useMutation(refreshCitationsMutation);
  const loading = updating.loading || refreshing.loading;
  const [movingReference, setMovingReference] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const movable = movableCitations(citations);
  const removed = citations.filter((citation) => citation.status === 'REMOVED');
  if (movable.length === 0 && removed.length === 0) return null;

  async function move(reference: string) {
    setMessage(null);
    setMovingReference(reference);
    try {
      await updateCitation({ variables: { answerId, reference } });
    } catch (error) {
      setMessage(summariseApiError(error).message);
    } finally {
      setMovingReference(null);
    }
  }

  async function moveAll() {
    setMessage(null);
    try {
      await refreshCitations({ variables: { answerId } });
    } catch (error) {
      setMessage(summariseApiError(error).message);
    }
  }

  return (
    <div className="citation-maintenance" data-testid="move-citations">
      <p className="muted">Your answer cites sections that have a newer version:</p>
      <ul>
        {movable.map((citation) => (
          <li key={citation.reference}>
            <span>
              {citation.document.title} {citation.version.version} § {citation.section.title} ({citationStatusText(citation.status, citation.latestVersion.version, citation.changedIn?.version)})
            </span>{' '}
            <button type="button" onClick={() => void move(citation.reference)} disabled={loading} data-testid="move-citation">
              {movingReference === citation.reference ? 'Moving…' : `Cite ${citation.latestVersion.version} instead`}
            </button>
          </li>
        ))}
        {removed.map((citation) => (
          <li key={citation.reference}>
            {citation.document.title} {citation.version.version} § {citation.section.title}: removed in {citation.latestVersion.version}; edit the answer to cite another section.
          </li>
        ))}
      </ul>
      {movable.length > 1 ? (
        <button type="button" onClick={() => void moveAll()} disabled={loading} data-testid="move-all-citations">
          {refreshing.loading ? 'Moving…' : 'Cite the latest versions everywhere (one edit)'}
        </button>
      ) : null}
      {citations.some((citation) => citation.status === 'CHANGED') ? <p className="hint">A changed section may no longer say what your answer relies on: read the diff before moving.</p> : null}
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
    </div>
  );
}

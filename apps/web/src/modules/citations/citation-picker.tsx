import { useId, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { newestFirst } from '../policies/policy-versions';
import { citationPickerDocumentsQuery } from '../policies/graphql/citation-picker-documents.query';
import { citationPickerSectionsQuery } from '../policies/graphql/citation-picker-sections.query';
import { ErrorState, LoadingState } from '../layout/states';
import { matchesQuery } from './insert-citation';

interface CitationPickerProps {
  onPick: (reference: string, sectionTitle: string) => void;
  onClose: () => void;
}

/** Find a document, then a section of one of its versions; picking inserts the reference. */
export function CitationPicker({ onPick, onClose }: CitationPickerProps) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [slug, setSlug] = useState<string | null>(null);
  const [version, setVersion] = useState<string | null>(null);
  const documentsResult = useQuery(citationPickerDocumentsQuery, { fetchPolicy: 'cache-first' });
  const documents = documentsResult.data?.policyDocuments ?? [];
  const chosen = documents.find((document) => document.slug === slug) ?? null;
  const chosenVersion = version ?? chosen?.latestVersion?.version ?? null;
  const sectionsResult = useQuery(citationPickerSectionsQuery, { variables: { slug: slug ?? '', version: chosenVersion ?? '' }, skip: !slug || !chosenVersion, fetchPolicy: 'cache-first' });

  function choose(documentSlug: string) {
    setSlug(documentSlug);
    setVersion(null);
    setQuery('');
  }

  return (
    <div className="citation-picker" role="dialog" aria-label="Cite a policy section" data-testid="citation-picker">
      <div className="row citation-picker-bar">
        <label htmlFor={`${id}-query`} className="visually-hidden">
          {chosen ? 'Search sections' : 'Search policy documents'}
        </label>
        <input
          id={`${id}-query`}
          type="search"
          className="citation-picker-query"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={chosen ? 'Search sections…' : 'Search policy documents…'}
          onKeyDown={(event) => {
            if (event.key === 'Escape') onClose();
          }}
          data-testid="citation-picker-query"
        />
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </div>
      {documentsResult.error && !documentsResult.data ? <ErrorState error={documentsResult.error} title="Could not load policies" /> : null}
      {!documentsResult.data && !documentsResult.error ? <LoadingState /> : null}
      {documentsResult.data && !chosen ? (
        <ul className="citation-picker-list">
          {documents
            .filter((document) => document.latestVersion && matchesQuery(`${document.title} ${document.organisation.name} ${document.slug}`, query))
            .map((document) => (
              <li key={document.id}>
                <button type="button" className="link-button" onClick={() => choose(document.slug)} data-testid="citation-picker-document">
                  {document.title}
                </button>{' '}
                <span className="muted">{document.organisation.name}</span>
              </li>
            ))}
        </ul>
      ) : null}
      {chosen ? (
        <>
          <div className="row">
            <button type="button" className="link-button" onClick={() => setSlug(null)}>
              ← All documents
            </button>
            <strong>{chosen.title}</strong>
            <label>
              Version{' '}
              <select value={chosenVersion ?? ''} onChange={(event) => setVersion(event.target.value)} data-testid="citation-picker-version">
                {newestFirst(chosen.versions).map((option) => (
                  <option key={option.id} value={option.version}>
                    {option.version}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {sectionsResult.error && !sectionsResult.data ? <ErrorState error={sectionsResult.error} title="Could not load sections" /> : null}
          {!sectionsResult.data && !sectionsResult.error ? <LoadingState /> : null}
          {sectionsResult.data?.policyVersion ? (
            <ul className="citation-picker-list">
              {sectionsResult.data.policyVersion.sections
                .filter((section) => matchesQuery(`${section.title} ${section.anchor}`, query))
                .map((section) => (
                  <li key={section.anchor} className={`contents-level-${Math.min(section.level, 4)}`}>
                    <button type="button" className="link-button" onClick={() => onPick(`policy:${chosen.slug}@${chosenVersion}#${section.anchor}`, section.title)} data-testid="citation-picker-section">
                      § {section.title}
                    </button>
                  </li>
                ))}
            </ul>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { newestFirst } from '../policies/policy-versions';
import { citationPickerDocumentsQuery } from '../policies/graphql/citation-picker-documents.query';
import { citationPickerSectionsQuery } from '../policies/graphql/citation-picker-sections.query';
import { ModalDialog } from '../layout/modal-dialog';
import { ErrorState, LoadingState } from '../layout/states';
import { matchesQuery } from './insert-citation';

interface CitationPickerProps {
  onPick: (reference: string, sectionTitle: string) => void;
  onClose: () => void;
}

const OPTION = '[data-picker-option]';

/**
 * ↓ from the search box goes to the first result, ↑/↓ move through the results, Home/End
 * jump to either end and ↑ from the first goes back to the search box (the listbox pattern
 * of the ARIA Authoring Practices, with each result a button so Tab works as well).
 */
function moveThroughResults(event: KeyboardEvent<HTMLElement>, query: HTMLInputElement | null): void {
  if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return;
  const target = event.target as HTMLElement;
  const fromQuery = target === query;
  if (!fromQuery && !target.matches(OPTION)) return;
  if (fromQuery && (event.key === 'Home' || event.key === 'End')) return;
  const options = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(OPTION));
  if (options.length === 0) return;
  const index = options.indexOf(target);
  let next: HTMLElement | null;
  if (event.key === 'Home') next = options[0];
  else if (event.key === 'End') next = options[options.length - 1];
  else if (fromQuery) next = event.key === 'ArrowDown' ? options[0] : null;
  else if (event.key === 'ArrowDown') next = options[Math.min(index + 1, options.length - 1)];
  else next = index === 0 ? query : options[index - 1];
  if (!next) return;
  event.preventDefault();
  next.focus();
}

/**
 * Find a document, then a section of one of its versions; picking inserts the reference.
 * A modal dialog: focus starts in the search box (its first control) and stays inside until a section is
 * picked (the caret goes back into the editor after the reference) or the dialog is closed
 * (focus goes back to "Cite a policy section").
 */
export function CitationPicker({ onPick, onClose }: CitationPickerProps) {
  const id = useId();
  const queryInput = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [slug, setSlug] = useState<string | null>(null);
  const [version, setVersion] = useState<string | null>(null);
  const documentsResult = useQuery(citationPickerDocumentsQuery, { fetchPolicy: 'cache-first' });
  const documents = documentsResult.data?.policyDocuments ?? [];
  const chosen = documents.find((document) => document.slug === slug) ?? null;
  const chosenVersion = version ?? chosen?.latestVersion?.version ?? null;
  const sectionsResult = useQuery(citationPickerSectionsQuery, { variables: { slug: slug ?? '', version: chosenVersion ?? '' }, skip: !slug || !chosenVersion, fetchPolicy: 'cache-first' });
  const firstRender = useRef(true);

  // Choosing a document (or going back to all of them) replaces the list the focused
  // button was in: the search box, now searching the other list, takes focus.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    queryInput.current?.focus();
  }, [slug]);

  function choose(documentSlug: string | null) {
    setSlug(documentSlug);
    setVersion(null);
    setQuery('');
  }

  const visibleDocuments = documents.filter((document) => document.latestVersion && matchesQuery(`${document.title} ${document.organisation.name} ${document.slug}`, query));
  const visibleSections = sectionsResult.data?.policyVersion?.sections.filter((section) => matchesQuery(`${section.title} ${section.anchor}`, query)) ?? [];

  return (
    <ModalDialog title="Cite a policy section" onClose={onClose} className="citation-picker" testId="citation-picker">
      <div onKeyDown={(event) => moveThroughResults(event, queryInput.current)}>
        <div className="row citation-picker-bar">
          <label htmlFor={`${id}-query`} className="visually-hidden">
            {chosen ? `Search sections of ${chosen.title}` : 'Search policy documents'}
          </label>
          <input
            id={`${id}-query`}
            ref={queryInput}
            type="search"
            className="citation-picker-query"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={chosen ? 'Search sections…' : 'Search policy documents…'}
            aria-describedby={`${id}-keys`}
            onKeyDown={(event) => {
              // A search box would only clear itself on Escape; here Escape closes the picker.
              if (event.key === 'Escape') {
                event.preventDefault();
                onClose();
              }
              // Enter would submit the post being written around the picker; it goes to the first result instead.
              if (event.key === 'Enter') {
                event.preventDefault();
                event.currentTarget.closest('dialog')?.querySelector<HTMLElement>(OPTION)?.focus();
              }
            }}
            data-testid="citation-picker-query"
          />
          <button type="button" className="link-button" onClick={onClose}>
            Close
          </button>
        </div>
        <p id={`${id}-keys`} className="hint">
          {chosen ? 'Type to narrow the sections; ↓ moves to them.' : 'Type to narrow the documents; ↓ moves to them.'}
        </p>
        {documentsResult.error && !documentsResult.data ? <ErrorState error={documentsResult.error} title="Could not load policies" /> : null}
        {!documentsResult.data && !documentsResult.error ? <LoadingState /> : null}
        {documentsResult.data && !chosen ? (
          <ul className="citation-picker-list" aria-label="Policy documents">
            {visibleDocuments.map((document) => (
              <li key={document.id}>
                <button type="button" className="link-button" onClick={() => choose(document.slug)} data-picker-option="" data-testid="citation-picker-document">
                  {document.title}
                </button>{' '}
                <span className="muted">{document.organisation.name}</span>
              </li>
            ))}
          </ul>
        ) : null}
        {documentsResult.data && !chosen && visibleDocuments.length === 0 ? <p className="muted">No policy document matches “{query}”.</p> : null}
        {chosen ? (
          <>
            <div className="row">
              <button type="button" className="link-button" onClick={() => choose(null)}>
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
              <ul className="citation-picker-list" aria-label={`Sections of ${chosen.title} ${chosenVersion ?? ''}`}>
                {visibleSections.map((section) => (
                  <li key={section.anchor} className={`contents-level-${Math.min(section.level, 4)}`}>
                    <button type="button" className="link-button" onClick={() => onPick(`policy:${chosen.slug}@${chosenVersion}#${section.anchor}`, section.title)} data-picker-option="" data-testid="citation-picker-section">
                      § {section.title}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
            {sectionsResult.data?.policyVersion && visibleSections.length === 0 ? <p className="muted">No section matches “{query}”.</p> : null}
          </>
        ) : null}
      </div>
    </ModalDialog>
  );
}

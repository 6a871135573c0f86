import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { summariseApiError } from '../api/api-error';
import { countLabel } from '../layout/count-label';
import { ErrorState, LoadingState } from '../layout/states';
import { searchQuery } from './graphql/search.query';
import { hasFilters, questionOnlyFilters, searchVariables, type SearchState } from './search-params';
import { SearchResultList } from './search-result-list';

interface SearchResultsProps {
  state: SearchState;
  onChange: (next: SearchState) => void;
}

/** The results of one search: a count (the page's level-2 heading), the list, and "More results". */
export function SearchResults({ state, onChange }: SearchResultsProps) {
  // A date filter starts at a midnight, so the variables stay the same all day.
  const { filter, orderBy } = searchVariables(state, new Date());
  const { data, error, fetchMore } = useQuery(searchQuery, { variables: { query: state.query, filter, orderBy, first: 20 } });
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);

  if (error && !data) return <ErrorState error={error} title="Search failed" />;
  if (!data) return <LoadingState label="Searching…" />;

  const { edges, pageInfo, totalCount, totalCountIsLowerBound } = data.searchResults;

  async function loadMore() {
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after: pageInfo.endCursor } });
    } catch (failure) {
      setLoadMoreError(summariseApiError(failure).message);
    } finally {
      setLoadingMore(false);
    }
  }

  const offerSuperseded = !state.includeSupersededVersions && state.type !== 'questions' && !questionOnlyFilters(state);
  const filtered = hasFilters(state);

  return (
    <section aria-labelledby="search-results-heading">
      <h2 id="search-results-heading" data-testid="search-total" aria-live="polite">
        {totalCountIsLowerBound ? `More than ${countLabel(totalCount, 'result')}` : countLabel(totalCount, 'result')}
      </h2>
      {totalCountIsLowerBound ? (
        <p className="muted" data-testid="search-too-broad">
          These words are in very many posts, so only the newest are searched. Add words or filters to narrow the search.
        </p>
      ) : null}
      {edges.length === 0 ? (
        <div className="state state-empty" data-testid="search-empty">
          <p>Nothing matches “{state.query}”{filtered ? ' with these filters' : ''}.</p>
          <p className="row">
            {offerSuperseded ? (
              <button type="button" onClick={() => onChange({ ...state, includeSupersededVersions: true })} data-testid="search-include-superseded">
                Search superseded policy versions too
              </button>
            ) : null}
            {filtered ? (
              <button
                type="button"
                className="link-button"
                onClick={() => onChange({ ...state, type: 'all', communitySlug: '', tag: '', answered: 'any', period: 'any' })}
                data-testid="search-clear-filters"
              >
                Clear filters
              </button>
            ) : null}
          </p>
        </div>
      ) : (
        <SearchResultList edges={edges} />
      )}
      <div className="list-footer">
        {pageInfo.hasNextPage ? (
          <button type="button" onClick={() => void loadMore()} disabled={loadingMore} data-testid="load-more">
            {loadingMore ? 'Loading…' : 'More results'}
          </button>
        ) : null}
        {loadMoreError ? (
          <span className="field-error" role="alert">
            {loadMoreError}
          </span>
        ) : null}
      </div>
    </section>
  );
}

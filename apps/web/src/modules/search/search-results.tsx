import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { summariseApiError } from '../api/api-error';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { searchQuery } from './graphql/search.query';
import { HighlightedSnippetView } from './highlighted-snippet-view';
import { countLabel } from '../layout/count-label';

export function SearchResults({ query }: { query: string }) {
  const { data, error, fetchMore } = useQuery(searchQuery, { variables: { query, first: 20 } });
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);

  if (error && !data) return <ErrorState error={error} title="Search failed" />;
  if (!data) return <LoadingState label="Searching…" />;

  const { edges, pageInfo, totalCount } = data.search;
  if (edges.length === 0) return <EmptyState>No questions or answers match “{query}”.</EmptyState>;

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

  return (
    <div>
      <p className="muted" data-testid="search-total">
        {countLabel(totalCount, 'result')}
      </p>
      <ol className="search-results" data-testid="search-results">
        {edges.map(({ node, cursor }) => (
          <li key={cursor} className="search-hit" data-testid="search-hit">
            <h3>
              <Link to={node.answer ? `/q/${node.question.id}#answer-${node.answer.id}` : `/q/${node.question.id}`}>{node.question.title}</Link>
            </h3>
            <HighlightedSnippetView snippet={node.snippet} />
            <p className="muted">
              {node.answer ? 'Match in an answer · ' : ''}
              <Link to={`/c/${node.question.community.slug}`}>{node.question.community.title}</Link> · {countLabel(node.question.answerCount, 'answer')}
            </p>
          </li>
        ))}
      </ol>
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
    </div>
  );
}

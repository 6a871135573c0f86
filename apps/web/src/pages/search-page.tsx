import { useSearchParams } from 'react-router';
import { SearchResults } from '../modules/search/search-results';

export function SearchPage() {
  const [searchParams] = useSearchParams();
  const query = (searchParams.get('q') ?? '').trim();
  return (
    <div className="search-page">
      <h1>{query ? `Search: ${query}` : 'Search'}</h1>
      {query ? <SearchResults query={query} /> : <p className="muted">Type words from a question, an answer or a policy into the search box.</p>}
    </div>
  );
}

import { useQuery } from '@apollo/client/react';
import { useSearchParams } from 'react-router';
import { communityListQuery } from '../modules/communities/graphql/community-list.query';
import { tagListQuery } from '../modules/questions/graphql/tag-list.query';
import { SearchFilters } from '../modules/search/search-filters';
import { readSearchState, searchParamsOf, type SearchState } from '../modules/search/search-params';
import { SearchResults } from '../modules/search/search-results';
import { PageMeta } from '../modules/seo/page-meta';

export function SearchPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const state = readSearchState(searchParams);
  const communities = useQuery(communityListQuery, { skip: !state.query });
  const tags = useQuery(tagListQuery, { variables: { first: 50 }, skip: !state.query });
  const change = (next: SearchState) => setSearchParams(searchParamsOf(next));

  return (
    <div className="search-page">
      {/* Only the words define a search; filters and sort narrow or reorder the same one. Results
          pages stay out of the index, as large forums keep theirs: endless near-duplicates of content indexed on its own pages. */}
      <PageMeta
        title={state.query ? `Search: ${state.query}` : 'Search'}
        description={state.query ? `Questions, answers and policy sections on Policy Commons matching “${state.query}”.` : 'Search the questions, answers and policies on Policy Commons.'}
        path={state.query ? `/search?${new URLSearchParams({ q: state.query }).toString()}` : '/search'}
        noindex
      />
      <h1>{state.query ? `Search: ${state.query}` : 'Search'}</h1>
      {state.query ? (
        <>
          <SearchFilters state={state} onChange={change} communities={communities.data?.communities ?? []} tags={tags.data?.tags ?? []} />
          <SearchResults state={state} onChange={change} />
        </>
      ) : (
        <p className="muted">Type words from a question, an answer or a policy into the search box.</p>
      )}
    </div>
  );
}

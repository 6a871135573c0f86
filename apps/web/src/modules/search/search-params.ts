import type { SearchFilter, SearchOrder, SearchResultType } from '../../generated/graphql';

/**
 * A search as the page's address holds it, so a search with its filters can be bookmarked,
 * shared and reached with the back button: `/search?q=twitter&type=policies&older=1`.
 */
export interface SearchState {
  query: string;
  type: 'all' | 'questions' | 'policies';
  communitySlug: string;
  tag: string;
  answered: 'any' | 'answered' | 'unanswered';
  period: 'any' | 'week' | 'month' | 'year';
  includeSupersededVersions: boolean;
  order: 'relevance' | 'newest' | 'votes';
}

const TYPES = ['all', 'questions', 'policies'] as const;
const ANSWERED = ['any', 'answered', 'unanswered'] as const;
const PERIODS = ['any', 'week', 'month', 'year'] as const;
const ORDERS = ['relevance', 'newest', 'votes'] as const;

const PERIOD_DAYS: Record<Exclude<SearchState['period'], 'any'>, number> = { week: 7, month: 31, year: 366 };

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T {
  return allowed.find((candidate) => candidate === value) ?? allowed[0];
}

export function readSearchState(params: URLSearchParams): SearchState {
  return {
    query: (params.get('q') ?? '').trim(),
    type: oneOf(params.get('type'), TYPES),
    communitySlug: (params.get('community') ?? '').trim(),
    tag: (params.get('tag') ?? '').trim(),
    answered: oneOf(params.get('answered'), ANSWERED),
    period: oneOf(params.get('date'), PERIODS),
    includeSupersededVersions: params.get('older') === '1',
    order: oneOf(params.get('sort'), ORDERS),
  };
}

/** The address of a search: only what differs from the defaults, so a plain search stays `?q=…`. */
export function searchParamsOf(state: SearchState): URLSearchParams {
  const params = new URLSearchParams({ q: state.query });
  if (state.type !== 'all') params.set('type', state.type);
  if (state.communitySlug) params.set('community', state.communitySlug);
  if (state.tag) params.set('tag', state.tag);
  if (state.answered !== 'any') params.set('answered', state.answered);
  if (state.period !== 'any') params.set('date', state.period);
  if (state.includeSupersededVersions) params.set('older', '1');
  if (state.order !== 'relevance') params.set('sort', state.order);
  return params;
}

/** Whether anything narrows the search beyond its words. */
export function hasFilters(state: SearchState): boolean {
  return state.type !== 'all' || !!state.communitySlug || !!state.tag || state.answered !== 'any' || state.period !== 'any';
}

/** Community, tag and answered apply to questions only: the API leaves policy sections out when one is set. */
export function questionOnlyFilters(state: SearchState): boolean {
  return !!state.communitySlug || !!state.tag || state.answered !== 'any';
}

/**
 * The API's filter and order. A period starts at midnight UTC of the day `days` ago, so
 * the variables (and Apollo's cached answer) stay the same all day instead of changing
 * with every render.
 */
export function searchVariables(state: SearchState, now: Date): { filter: SearchFilter; orderBy: SearchOrder } {
  const types: SearchResultType[] | null = state.type === 'questions' ? ['QUESTION'] : state.type === 'policies' ? ['POLICY_SECTION'] : null;
  const filter: SearchFilter = {};
  if (types) filter.types = types;
  if (state.communitySlug) filter.communitySlug = state.communitySlug;
  if (state.tag) filter.tag = state.tag;
  if (state.answered !== 'any') filter.answered = state.answered === 'answered';
  if (state.period !== 'any') {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    filter.since = new Date(today - PERIOD_DAYS[state.period] * 24 * 60 * 60 * 1000).toISOString();
  }
  if (state.includeSupersededVersions) filter.includeSupersededVersions = true;
  const orderBy: SearchOrder = state.order === 'newest' ? 'NEWEST' : state.order === 'votes' ? 'VOTES' : 'RELEVANCE';
  return { filter, orderBy };
}

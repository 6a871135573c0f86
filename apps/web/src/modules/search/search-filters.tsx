import { useEffect, useId, useState, type FormEvent } from 'react';
import { useDebouncedValue } from '../layout/use-debounced-value';
import { questionOnlyFilters, type SearchState } from './search-params';

interface SearchFiltersProps {
  state: SearchState;
  onChange: (next: SearchState) => void;
  communities: ReadonlyArray<{ slug: string; title: string }>;
  tags: ReadonlyArray<{ slug: string }>;
}

/**
 * What to find and in which order. Every control applies at once (the tag once typing
 * pauses) and has its own visible label. Community, tag and answers narrow questions, so
 * they are switched off while only policy sections are shown, and superseded policy
 * versions while only questions can be found.
 */
export function SearchFilters({ state, onChange, communities, tags }: SearchFiltersProps) {
  const id = useId();
  const [tag, setTag] = useState(state.tag);
  const debouncedTag = useDebouncedValue(tag.trim(), 500);
  const policiesOnly = state.type === 'policies';

  // The address is the truth: a back button or a new search from the header resets the field.
  useEffect(() => setTag(state.tag), [state.tag]);
  useEffect(() => {
    if (debouncedTag !== state.tag) onChange({ ...state, tag: debouncedTag });
    // Only a change of the typed tag applies it; the rest of the state is this render's.
  }, [debouncedTag]);

  const set = <K extends keyof SearchState>(key: K, value: SearchState[K]) => onChange({ ...state, [key]: value });

  // Enter in the tag field applies it at once, without waiting for the pause.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (tag.trim() !== state.tag) set('tag', tag.trim());
  }

  return (
    <form className="search-filters" aria-label="Filter and sort results" data-testid="search-filters" onSubmit={submit}>
      <label htmlFor={`${id}-type`}>
        Show
        <select id={`${id}-type`} value={state.type} onChange={(event) => set('type', event.target.value as SearchState['type'])} data-testid="search-filter-type">
          <option value="all">Questions and policy sections</option>
          <option value="questions">Questions only</option>
          <option value="policies">Policy sections only</option>
        </select>
      </label>
      <label htmlFor={`${id}-order`}>
        Sort by
        <select id={`${id}-order`} value={state.order} onChange={(event) => set('order', event.target.value as SearchState['order'])} data-testid="search-sort">
          <option value="relevance">Best match</option>
          <option value="newest">Newest</option>
          <option value="votes">Most votes</option>
        </select>
      </label>
      <label htmlFor={`${id}-community`}>
        Community
        <select
          id={`${id}-community`}
          value={state.communitySlug}
          disabled={policiesOnly}
          onChange={(event) => set('communitySlug', event.target.value)}
          data-testid="search-filter-community"
        >
          <option value="">Any community</option>
          {communities.map((community) => (
            <option key={community.slug} value={community.slug}>
              {community.title}
            </option>
          ))}
          {state.communitySlug && !communities.some((community) => community.slug === state.communitySlug) ? (
            <option value={state.communitySlug}>{state.communitySlug}</option>
          ) : null}
        </select>
      </label>
      <label htmlFor={`${id}-tag`}>
        Tag
        <input
          id={`${id}-tag`}
          type="text"
          list={`${id}-tags`}
          value={tag}
          disabled={policiesOnly}
          placeholder="Any tag"
          autoComplete="off"
          onChange={(event) => setTag(event.target.value)}
          data-testid="search-filter-tag"
        />
        <datalist id={`${id}-tags`}>
          {tags.map((known) => (
            <option key={known.slug} value={known.slug} />
          ))}
        </datalist>
      </label>
      <label htmlFor={`${id}-answered`}>
        Answers
        <select
          id={`${id}-answered`}
          value={state.answered}
          disabled={policiesOnly}
          onChange={(event) => set('answered', event.target.value as SearchState['answered'])}
          data-testid="search-filter-answered"
        >
          <option value="any">Answered or not</option>
          <option value="answered">Answered</option>
          <option value="unanswered">Unanswered</option>
        </select>
      </label>
      <label htmlFor={`${id}-date`}>
        Date
        <select id={`${id}-date`} value={state.period} onChange={(event) => set('period', event.target.value as SearchState['period'])} data-testid="search-filter-date">
          <option value="any">Any time</option>
          <option value="week">Past week</option>
          <option value="month">Past month</option>
          <option value="year">Past year</option>
        </select>
      </label>
      <label htmlFor={`${id}-older`} className="search-filter-check">
        <input
          id={`${id}-older`}
          type="checkbox"
          checked={state.includeSupersededVersions}
          disabled={state.type === 'questions' || questionOnlyFilters(state)}
          onChange={(event) => set('includeSupersededVersions', event.target.checked)}
          data-testid="search-filter-older"
        />
        Include superseded policy versions
      </label>
    </form>
  );
}

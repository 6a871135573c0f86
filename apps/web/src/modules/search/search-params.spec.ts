import { hasFilters, questionOnlyFilters, readSearchState, searchParamsOf, searchVariables } from './search-params';

describe('search state in the address', () => {
  it('reads a plain search with every default', () => {
    expect(readSearchState(new URLSearchParams('q=%20twitter%20'))).toEqual({
      query: 'twitter',
      type: 'all',
      communitySlug: '',
      tag: '',
      answered: 'any',
      period: 'any',
      includeSupersededVersions: false,
      order: 'relevance',
    });
  });

  it('round-trips every filter, writing only what differs from the defaults', () => {
    const address = 'q=purdah&type=questions&community=parish-clerks&tag=elections&answered=unanswered&date=month&older=1&sort=votes';
    const state = readSearchState(new URLSearchParams(address));
    expect(searchParamsOf(state).toString()).toBe(address);
    expect(searchParamsOf(readSearchState(new URLSearchParams('q=purdah'))).toString()).toBe('q=purdah');
  });

  it('falls back to the default for a value it does not know', () => {
    expect(readSearchState(new URLSearchParams('q=x&type=everything&sort=oldest&date=decade&answered=maybe'))).toMatchObject({
      type: 'all',
      order: 'relevance',
      period: 'any',
      answered: 'any',
    });
  });

  it('says which filters narrow the search and which apply to questions only', () => {
    const plain = readSearchState(new URLSearchParams('q=x&sort=newest&older=1'));
    expect([hasFilters(plain), questionOnlyFilters(plain)]).toEqual([false, false]);
    const dated = readSearchState(new URLSearchParams('q=x&date=week'));
    expect([hasFilters(dated), questionOnlyFilters(dated)]).toEqual([true, false]);
    const tagged = readSearchState(new URLSearchParams('q=x&tag=elections'));
    expect([hasFilters(tagged), questionOnlyFilters(tagged)]).toEqual([true, true]);
  });
});

describe('searchVariables', () => {
  it('asks for everything by relevance when nothing is chosen', () => {
    expect(searchVariables(readSearchState(new URLSearchParams('q=x')), new Date())).toEqual({ filter: {}, orderBy: 'RELEVANCE' });
  });

  it('turns each choice into the API filter and order', () => {
    const state = readSearchState(new URLSearchParams('q=x&type=policies&older=1&sort=newest'));
    expect(searchVariables(state, new Date())).toEqual({ filter: { types: ['POLICY_SECTION'], includeSupersededVersions: true }, orderBy: 'NEWEST' });
    const questions = readSearchState(new URLSearchParams('q=x&type=questions&community=c&tag=t&answered=answered&sort=votes'));
    expect(searchVariables(questions, new Date())).toEqual({ filter: { types: ['QUESTION'], communitySlug: 'c', tag: 't', answered: true }, orderBy: 'VOTES' });
    expect(searchVariables(readSearchState(new URLSearchParams('q=x&answered=unanswered')), new Date()).filter).toEqual({ answered: false });
  });

  it('starts a period at a midnight (UTC), so the variables stay the same all day', () => {
    const week = readSearchState(new URLSearchParams('q=x&date=week'));
    const morning = searchVariables(week, new Date('2025-03-10T00:05:00Z'));
    const evening = searchVariables(week, new Date('2025-03-10T23:55:00Z'));
    expect(morning).toEqual(evening);
    expect(morning.filter.since).toBe('2025-03-03T00:00:00.000Z');
    expect(searchVariables(readSearchState(new URLSearchParams('q=x&date=year')), new Date('2025-03-10T12:00:00Z')).filter.since).toBe('2024-03-09T00:00:00.000Z');
  });
});

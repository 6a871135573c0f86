import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { communityListQuery } from '../modules/communities/graphql/community-list.query';
import { tagListQuery } from '../modules/questions/graphql/tag-list.query';
import { searchQuery } from '../modules/search/graphql/search.query';
import { SearchPage } from './search-page';

const sectionHit = {
  __typename: 'PolicySectionHit',
  snippet: 'Purdah — During <mark>purdah</mark> the council says nothing about candidates.',
  isCurrentVersion: true,
  section: { __typename: 'PolicySection', anchor: 'purdah', title: 'Purdah' },
  version: { __typename: 'PolicyVersion', id: 'v2', version: '2.0', publishedOn: '2012-07-16T00:00:00.000Z' },
  document: { __typename: 'PolicyDocument', id: 'd1', slug: 'election-communications', title: 'Election Communications Policy' },
};
const questionHit = {
  __typename: 'SearchHit',
  snippet: '<mark>Purdah</mark> rules for the council newsletter — What may we still publish?',
  matchingAnswerCount: 1,
  answer: null,
  question: {
    __typename: 'Question',
    id: 'q1',
    title: 'Purdah rules for the council newsletter',
    answerCount: 1,
    score: 2,
    createdAt: '2025-06-01T10:00:00.000Z',
    community: { __typename: 'Community', id: 'c1', slug: 'council-officers', title: 'Council Officers' },
    tags: [],
  },
};

function searchMock(filter: Record<string, unknown>, edges: unknown[]): MockLink.MockedResponse {
  return {
    request: { query: searchQuery, variables: { query: 'purdah', filter, orderBy: 'RELEVANCE', first: 20 } },
    result: {
      data: {
        searchResults: {
          __typename: 'SearchResultConnection',
          totalCount: edges.length,
          totalCountIsLowerBound: false,
          pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
          edges: edges.map((node, i) => ({ __typename: 'SearchResultEdge', cursor: `c${i}`, node })),
        },
      },
    },
  };
}

const lists: MockLink.MockedResponse[] = [
  {
    request: { query: communityListQuery },
    result: {
      data: {
        communities: [
          { __typename: 'Community', id: 'c1', slug: 'council-officers', title: 'Council Officers', description: 'd', memberCount: 1, viewerIsMember: false },
        ],
      },
    },
  },
  { request: { query: tagListQuery, variables: { first: 50 } }, result: { data: { tags: [{ __typename: 'Tag', id: 't1', slug: 'elections', questionCount: 1 }] } } },
];

function Address() {
  const location = useLocation();
  return <output data-testid="address">{location.search}</output>;
}

function renderPage(address: string, mocks: MockLink.MockedResponse[]) {
  return render(
    <MockedProvider mocks={[...lists, ...mocks]}>
      <MemoryRouter initialEntries={[address]}>
        <Routes>
          <Route
            path="/search"
            element={
              <>
                <SearchPage />
                <Address />
              </>
            }
          />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  ).container;
}

/** Each heading at most one level below the one before it, starting at h1. */
function headingLevels(container: HTMLElement): number[] {
  return Array.from(container.querySelectorAll('h1, h2, h3, h4, h5, h6')).map((heading) => Number(heading.tagName[1]));
}

describe('SearchPage', () => {
  it('shows questions and policy sections under headings in order, h1 → h2 → h3', async () => {
    const container = renderPage('/search?q=purdah', [searchMock({}, [sectionHit, questionHit])]);
    await screen.findByText('Purdah rules for the council newsletter');
    const levels = headingLevels(container);
    expect(levels).toEqual([1, 2, 3, 3]);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('2 results');
    expect(Array.from(container.querySelectorAll('[data-testid="search-hit"]')).map((hit) => (hit as HTMLElement).dataset.kind)).toEqual(['policy-section', 'question']);
  });

  it('gives every filter and sort control a visible label', async () => {
    const container = renderPage('/search?q=purdah', [searchMock({}, [questionHit])]);
    await screen.findByText('Purdah rules for the council newsletter');
    const controls = Array.from(container.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-testid="search-filters"] input, [data-testid="search-filters"] select'));
    expect(controls.map((control) => control.labels?.[0]?.textContent?.trim().split('\n')[0])).toEqual([
      expect.stringMatching(/^Show/),
      expect.stringMatching(/^Sort by/),
      expect.stringMatching(/^Community/),
      expect.stringMatching(/^Tag/),
      expect.stringMatching(/^Answers/),
      expect.stringMatching(/^Date/),
      'Include superseded policy versions',
    ]);
    for (const name of ['Show', 'Sort by', 'Community', 'Tag', 'Answers', 'Date', 'Include superseded policy versions']) {
      expect(screen.getByLabelText(name, { exact: false })).toBeTruthy();
    }
  });

  it('keeps a filter in the address and searches again with it; question filters are off while only sections are shown', async () => {
    const container = renderPage('/search?q=purdah', [searchMock({}, [sectionHit, questionHit]), searchMock({ types: ['POLICY_SECTION'] }, [sectionHit])]);
    await screen.findByText('Purdah rules for the council newsletter');
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: 'policies' } });
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?q=purdah&type=policies'));
    await waitFor(() => expect(container.querySelectorAll('[data-testid="search-hit"]')).toHaveLength(1));
    expect(screen.queryByText('Purdah rules for the council newsletter')).toBeNull();
    expect((screen.getByLabelText('Community') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText('Tag') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByLabelText('Answers') as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText('Include superseded policy versions') as HTMLInputElement).disabled).toBe(false);
  });

  it('applies a typed tag once typing pauses, and leaves policy sections out', async () => {
    const container = renderPage('/search?q=purdah', [searchMock({}, [sectionHit, questionHit]), searchMock({ tag: 'elections' }, [questionHit])]);
    await screen.findByText('Purdah rules for the council newsletter');
    fireEvent.change(screen.getByLabelText('Tag'), { target: { value: ' elections ' } });
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?q=purdah&tag=elections'));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('1 result'));
    expect(Array.from(container.querySelectorAll('[data-testid="search-hit"]')).map((hit) => (hit as HTMLElement).dataset.kind)).toEqual(['question']);
    expect((screen.getByLabelText('Include superseded policy versions') as HTMLInputElement).disabled).toBe(true);
  });

  it('offers superseded policy versions when nothing current matches', async () => {
    renderPage('/search?q=purdah', [searchMock({}, []), searchMock({ includeSupersededVersions: true }, [{ ...sectionHit, isCurrentVersion: false }])]);
    fireEvent.click(await screen.findByRole('button', { name: 'Search superseded policy versions too' }));
    await waitFor(() => expect(screen.getByTestId('address').textContent).toBe('?q=purdah&older=1'));
    expect((await screen.findByTestId('superseded-badge')).textContent).toBe('superseded');
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('1 result');
  });
});

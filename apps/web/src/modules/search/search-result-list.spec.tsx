import { render, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { SearchResultList, type SearchEdge } from './search-result-list';

const community = { __typename: 'Community' as const, id: 'c1', slug: 'parish-clerks', title: 'Parish Clerks' };

function questionEdge(overrides: Partial<Extract<SearchEdge['node'], { __typename: 'SearchHit' }>> = {}): SearchEdge {
  return {
    __typename: 'SearchResultEdge',
    cursor: `q-${overrides.question?.id ?? 'q1'}`,
    node: {
      __typename: 'SearchHit',
      snippet: 'Does <mark>purdah</mark> apply to our blog? Tom &amp; Jerry &lt;b&gt;',
      matchingAnswerCount: 0,
      answer: null,
      question: {
        __typename: 'Question',
        id: 'q1',
        title: 'Publishing during the election period',
        answerCount: 2,
        score: 5,
        createdAt: '2025-06-01T10:00:00.000Z',
        community,
        tags: [{ __typename: 'Tag', id: 't1', slug: 'elections' }],
      },
      ...overrides,
    },
  };
}

function sectionEdge(isCurrentVersion: boolean, version: string): SearchEdge {
  return {
    __typename: 'SearchResultEdge',
    cursor: `s-${version}`,
    node: {
      __typename: 'PolicySectionHit',
      snippet: 'Purdah — During <mark>purdah</mark> the council says nothing; its <mark>Twitter</mark> accounts stay quiet.',
      isCurrentVersion,
      section: { __typename: 'PolicySection', anchor: 'purdah', title: 'Purdah' },
      version: { __typename: 'PolicyVersion', id: `v${version}`, version, publishedOn: '2012-07-16T00:00:00.000Z' },
      document: { __typename: 'PolicyDocument', id: 'd1', slug: 'election-communications', title: 'Election Communications Policy' },
    },
  };
}

function renderList(edges: SearchEdge[]) {
  return render(
    <MemoryRouter>
      <SearchResultList edges={edges} />
    </MemoryRouter>,
  ).container;
}

describe('SearchResultList', () => {
  it('shows a question with its snippet as text, the matched words marked, and nothing else as markup', () => {
    const container = renderList([questionEdge()]);
    const hit = container.querySelector('[data-testid="search-hit"]') as HTMLElement;
    expect(hit.dataset.kind).toBe('question');
    expect(within(hit).getByRole('heading', { level: 3 }).textContent).toBe('Publishing during the election period');
    expect(within(hit).getByRole('link', { name: 'Publishing during the election period' }).getAttribute('href')).toBe('/q/q1');
    const snippet = within(hit).getByTestId('search-snippet');
    expect(Array.from(snippet.querySelectorAll('mark')).map((mark) => mark.textContent)).toEqual(['purdah']);
    expect(snippet.textContent).toBe('Does purdah apply to our blog? Tom & Jerry <b>');
    expect(snippet.querySelector('b')).toBeNull();
    expect(hit.textContent).toContain('Parish Clerks');
    expect(hit.textContent).toContain('2 answers');
    expect(hit.textContent).toContain('5 votes');
    expect(within(hit).getByRole('link', { name: 'elections' }).getAttribute('href')).toBe('/t/elections');
    expect(within(hit).queryByTestId('search-hit-source')).toBeNull();
  });

  it('links a question found through its answers to the best answer, and says how many matched', () => {
    const [one, several, alsoAnswers] = [
      questionEdge({ answer: { __typename: 'Answer', id: 'a1' }, matchingAnswerCount: 1 }),
      questionEdge({ answer: { __typename: 'Answer', id: 'a2' }, matchingAnswerCount: 3 }),
      questionEdge({ matchingAnswerCount: 2 }),
    ].map((edge) => renderList([edge]));
    expect(one.querySelector('h3 a')?.getAttribute('href')).toBe('/q/q1#answer-a1');
    expect(one.querySelector('[data-testid="search-hit-source"]')?.textContent).toBe('Found in an answer');
    expect(several.querySelector('[data-testid="search-hit-source"]')?.textContent).toBe('Found in 3 answers; this one best');
    expect(alsoAnswers.querySelector('h3 a')?.getAttribute('href')).toBe('/q/q1');
    expect(alsoAnswers.querySelector('[data-testid="search-hit-source"]')?.textContent).toBe('Also found in 2 answers');
  });

  it('shows a policy section as its own kind of result, linked to the section of its version', () => {
    const container = renderList([sectionEdge(true, '2.0')]);
    const hit = container.querySelector('[data-testid="search-hit"]') as HTMLElement;
    expect(hit.dataset.kind).toBe('policy-section');
    expect(within(hit).getByText('Policy section')).toBeTruthy();
    const link = within(hit).getByRole('link', { name: 'Purdah — Election Communications Policy' });
    expect(link.getAttribute('href')).toBe('/policies/election-communications/2.0#purdah');
    expect(within(hit).getByRole('link', { name: 'Election Communications Policy' }).getAttribute('href')).toBe('/policies/election-communications');
    expect(hit.textContent).toContain('version 2.0');
    expect(hit.textContent).toContain('16 July 2012');
    expect(Array.from(hit.querySelectorAll('mark')).map((mark) => mark.textContent)).toEqual(['purdah', 'Twitter']);
    expect(within(hit).queryByTestId('superseded-badge')).toBeNull();
  });

  it('marks a section of a superseded version', () => {
    const container = renderList([sectionEdge(false, '1.0')]);
    expect(container.querySelector('[data-testid="superseded-badge"]')?.textContent).toBe('superseded');
    expect(container.querySelector('h3 a')?.getAttribute('href')).toBe('/policies/election-communications/1.0#purdah');
  });

  it('keeps questions and sections in the order given, each title a level-3 heading', () => {
    const container = renderList([sectionEdge(true, '2.0'), questionEdge(), sectionEdge(false, '1.0')]);
    expect(Array.from(container.querySelectorAll('[data-testid="search-hit"]')).map((hit) => (hit as HTMLElement).dataset.kind)).toEqual([
      'policy-section',
      'question',
      'policy-section',
    ]);
    expect(container.querySelectorAll('h1, h2, h4, h5, h6')).toHaveLength(0);
    expect(container.querySelectorAll('h3')).toHaveLength(3);
  });
});

import { render, screen } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import type { PostModerationFieldsFragment, QuestionDetailQuery } from '../../generated/graphql';
import { viewerQuery } from '../accounts/graphql/viewer.query';
import { SiteOriginProvider } from '../seo/site-origin';
import { questionDetailQuery } from './graphql/question-detail.query';
import { QuestionDetail } from './question-detail';

type Question = NonNullable<QuestionDetailQuery['question']>;
type AnswerFields = Question['answers'][number];

const moderation = (visibility: PostModerationFieldsFragment['visibility']): PostModerationFieldsFragment => ({
  __typename: 'PostModeration',
  visibility,
  removalReason: null,
  viewerHasFlagged: false,
  viewerCanFlag: false,
  viewerCanModerate: false,
  viewerCanDelete: false,
  viewerCanEdit: false,
  reviewRequested: false,
});

function answer(id: string, body: string, fields: Partial<AnswerFields> = {}): AnswerFields {
  return {
    __typename: 'Answer',
    id,
    body,
    score: 0,
    viewerVote: 'NONE',
    isAccepted: false,
    createdAt: '2025-03-02T10:00:00.000Z',
    author: { __typename: 'User', id: `author-${id}`, displayName: `Author ${id}` },
    comments: [],
    revisions: [],
    citations: [],
    moderation: moderation('VISIBLE'),
    ...fields,
  };
}

const question: Question = {
  __typename: 'Question',
  id: 'q1',
  title: 'Officers who are parish councillors </script> on social media?',
  body: 'Does anyone have a policy that covers **officers** blogging as parish councillors?',
  score: 3,
  viewerVote: 'NONE',
  viewCount: 10,
  answerCount: 3,
  createdAt: '2025-03-01T09:00:00.000Z',
  lastActivityAt: '2025-03-03T09:00:00.000Z',
  closedReason: null,
  closedNote: null,
  closedAt: null,
  isLocked: false,
  viewerCanAnswer: false,
  duplicateOf: null,
  author: { __typename: 'User', id: 'u1', displayName: 'Alex Officer' },
  community: { __typename: 'Community', id: 'c1', slug: 'local-government', title: 'Social Media in Local Government' },
  tags: [],
  acceptedAnswer: { __typename: 'Answer', id: 'a1' },
  comments: [],
  revisions: [],
  citations: [],
  answers: [
    answer('a1', 'The dual role is the point, not the *medium*.', { isAccepted: true, score: 5 }),
    answer('a2', 'Ask your line manager.', { score: 1 }),
    answer('a3', 'Spam.', { moderation: moderation('HIDDEN') }),
  ],
  moderation: moderation('VISIBLE'),
};

const mocks: MockLink.MockedResponse[] = [
  { request: { query: viewerQuery }, result: { data: { me: null } } },
  { request: { query: questionDetailQuery, variables: { id: 'q1' } }, result: { data: { question } } },
];

function structuredData(): Array<Record<string, unknown>> {
  return [...document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? '') as Record<string, unknown>);
}

describe('a question page for search engines', () => {
  it('carries a parseable QAPage with the readable answers, breadcrumbs and a canonical on the site origin', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <SiteOriginProvider value="https://forum.example">
          <MemoryRouter initialEntries={['/q/q1?utm_source=newsletter']}>
            <QuestionDetail questionId="q1" />
          </MemoryRouter>
        </SiteOriginProvider>
      </MockedProvider>,
    );
    await screen.findByTestId('question-title');

    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://forum.example/q/q1');
    expect(document.head.querySelector('meta[name="description"]')?.getAttribute('content')).toBe('Does anyone have a policy that covers officers blogging as parish councillors?');
    expect(document.head.querySelector('meta[property="og:type"]')?.getAttribute('content')).toBe('article');
    expect(document.head.querySelector('meta[name="robots"]')).toBeNull();

    const [qaPage, breadcrumbs] = structuredData();
    expect(qaPage).toMatchObject({
      '@type': 'QAPage',
      mainEntity: {
        '@type': 'Question',
        name: question.title,
        answerCount: 2,
        acceptedAnswer: { '@type': 'Answer', text: 'The dual role is the point, not the medium.', upvoteCount: 5, url: 'https://forum.example/q/q1#answer-a1' },
        suggestedAnswer: [{ '@type': 'Answer', text: 'Ask your line manager.', url: 'https://forum.example/q/q1#answer-a2' }],
      },
    });
    expect(JSON.stringify(qaPage)).not.toContain('Spam.');
    expect(breadcrumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, item: 'https://forum.example/' },
        { position: 2, name: 'Social Media in Local Government', item: 'https://forum.example/c/local-government' },
        { position: 3, item: 'https://forum.example/q/q1' },
      ],
    });
  });

  it("gives a long question's later page of answers a canonical of its own and links every page", async () => {
    const long = { ...question, answerCount: 40, acceptedAnswer: null, answers: [answer('a31', 'The thirty-first answer.')] };
    render(
      <MockedProvider mocks={[mocks[0], { request: { query: questionDetailQuery, variables: { id: 'q1', answersOffset: 30 } }, result: { data: { question: long } } }]}>
        <SiteOriginProvider value="https://forum.example">
          <MemoryRouter initialEntries={['/q/q1?page=2']}>
            <QuestionDetail questionId="q1" />
          </MemoryRouter>
        </SiteOriginProvider>
      </MockedProvider>,
    );
    await screen.findByTestId('question-title');
    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://forum.example/q/q1?page=2');
    expect(screen.getByTestId('answer-count').textContent).toBe('40 answers, page 2 of 2');
    const pages = screen.getByTestId('answer-pages');
    expect([...pages.querySelectorAll('a')].map((link) => [link.textContent, link.getAttribute('href'), link.getAttribute('rel')])).toEqual([['1', '/q/q1', 'prev']]);
    expect(pages.querySelector('[aria-current="page"]')?.textContent).toBe('2');
    // The QAPage describes this page: its answers link here, and the count is the question's.
    const [qaPage] = structuredData();
    expect(qaPage).toMatchObject({
      '@type': 'QAPage',
      mainEntity: { answerCount: 40, suggestedAnswer: [{ url: 'https://forum.example/q/q1?page=2#answer-a31' }] },
    });
  });

  it('keeps a removed question out of the index and gives no QAPage', async () => {
    const removed = { ...question, moderation: moderation('HIDDEN') };
    render(
      <MockedProvider mocks={[mocks[0], { request: { query: questionDetailQuery, variables: { id: 'q1' } }, result: { data: { question: removed } } }]}>
        <MemoryRouter>
          <QuestionDetail questionId="q1" />
        </MemoryRouter>
      </MockedProvider>,
    );
    await screen.findByTestId('question-title');
    expect(document.head.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(document.head.querySelector('meta[name="description"]')?.getAttribute('content')).toBe(question.title);
    expect(structuredData().map((data) => data['@type'])).toEqual(['BreadcrumbList']);
  });
});

import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { MemoryRouter } from 'react-router';
import { viewerQuery } from '../accounts/graphql/viewer.query';
import { communityListQuery } from '../communities/graphql/community-list.query';
import { AskQuestionForm } from './ask-question-form';
import { askQuestionMutation } from './graphql/ask-question.mutation';
import { tagSuggestionsQuery } from './graphql/tag-suggestions.query';

const TITLE = 'Parish councillor officers';
const BODY = 'Does our policy cover posts on a parish council blog?';

const mocks: MockLink.MockedResponse[] = [
  {
    request: { query: viewerQuery },
    result: {
      data: {
        me: { __typename: 'Me', email: 'asker@example.org', role: 'MEMBER', user: { __typename: 'User', id: 'u1', displayName: 'Asker', suspendedUntil: null }, moderatedCommunities: [] },
      },
    },
  },
  {
    request: { query: communityListQuery },
    result: {
      data: {
        communities: [{ __typename: 'Community', id: 'c1', slug: 'local-government', title: 'Local Government', description: 'd', memberCount: 3, viewerIsMember: true }],
      },
    },
  },
  {
    request: { query: tagSuggestionsQuery, variables: { prefix: 'parish' } },
    result: { data: { tags: [{ __typename: 'Tag', id: 't1', slug: 'parish-councils', questionCount: 4 }] } },
    maxUsageCount: 3,
  },
  {
    request: { query: askQuestionMutation, variables: { input: { communityId: 'c1', title: TITLE, body: BODY, tags: ['social-media', 'parish-councils'] } } },
    result: { errors: [new GraphQLError('A question with this title was asked today.', { extensions: { code: 'BAD_USER_INPUT', field: 'title' } })] },
  },
];

describe('asking a question', () => {
  it('counts the title against its limit, saves tags as typed in slug form with suggestions, and drops a field error once it is fixed', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <MemoryRouter initialEntries={['/ask?community=local-government']}>
          <AskQuestionForm initialCommunitySlug="local-government" />
        </MemoryRouter>
      </MockedProvider>,
    );
    const title = await screen.findByTestId('ask-title');
    expect(title.getAttribute('maxlength')).toBe('200');
    fireEvent.change(title, { target: { value: 'Short' } });
    expect(screen.getByTestId('title-count').textContent).toBe('5 of 200 characters; at least 10');
    fireEvent.change(title, { target: { value: TITLE } });
    expect(screen.getByTestId('title-count').textContent).toBe('26 of 200 characters');

    fireEvent.change(screen.getByTestId('ask-body'), { target: { value: BODY } });
    const tags = screen.getByTestId('ask-tags');
    fireEvent.change(tags, { target: { value: 'Social Media, Parish' } });
    expect(screen.getByTestId('tags-saved-as').textContent).toBe('Saved as: social-mediaparish');
    await waitFor(() => expect(screen.getByTestId('tag-suggestions').querySelector('option')?.getAttribute('value')).toBe('Social Media, parish-councils'));
    fireEvent.change(tags, { target: { value: 'Social Media, parish-councils' } });

    fireEvent.click(screen.getByTestId('ask-submit'));
    await screen.findByText('A question with this title was asked today.');
    fireEvent.change(title, { target: { value: `${TITLE} and blogs` } });
    expect(screen.queryByText('A question with this title was asked today.')).toBeNull();
  });
});

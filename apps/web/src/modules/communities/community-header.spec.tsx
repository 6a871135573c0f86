import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import { viewerQuery } from '../accounts/graphql/viewer.query';
import { myFollowsQuery } from '../subscriptions/graphql/my-follows.query';
import { CommunityHeader } from './community-header';
import { communityDetailQuery } from './graphql/community-detail.query';
import { joinCommunityMutation } from './graphql/join-community.mutation';

const community = {
  __typename: 'Community',
  id: 'c1',
  slug: 'local-government',
  title: 'Social Media in Local Government',
  description: 'Officers and councillors.',
  memberCount: 3,
  viewerIsMember: false,
  viewerCanModerate: false,
};
const follows = (list: unknown[]) => ({ data: { me: { __typename: 'Me', follows: list } } });

const mocks: MockLink.MockedResponse[] = [
  {
    request: { query: viewerQuery },
    result: { data: { me: { __typename: 'Me', email: 'm@example.org', role: 'MEMBER', user: { __typename: 'User', id: 'u1', displayName: 'Member', suspendedUntil: null }, moderatedCommunities: [] } } },
  },
  { request: { query: communityDetailQuery, variables: { slug: 'local-government' } }, result: { data: { community } } },
  { request: { query: joinCommunityMutation, variables: { communityId: 'c1' } }, result: { data: { joinCommunity: { __typename: 'Community', id: 'c1', memberCount: 4, viewerIsMember: true } } } },
  // The api follows the community on joining: the refetched follows say so.
  { request: { query: myFollowsQuery }, result: follows([{ __typename: 'Follow', kind: 'COMMUNITY', targetId: 'c1', label: community.title }]) },
];

describe('joining a community', () => {
  it('is one step that also follows it, and says so', async () => {
    render(
      <MockedProvider mocks={mocks}>
        <MemoryRouter>
          <CommunityHeader slug="local-government" />
        </MemoryRouter>
      </MockedProvider>,
    );
    const join = await screen.findByTestId('join-community');
    // Before joining there is one thing to do, not two that sound alike.
    expect(screen.queryByTestId('follow-button')).toBeNull();
    expect(screen.getByText('Members follow its new questions.')).toBeTruthy();
    fireEvent.click(join);
    await screen.findByText('You joined Social Media in Local Government: its new questions now reach your notifications and digest.');
    expect(screen.getByTestId('member-count').textContent).toBe('4 members');
    const follow = await screen.findByTestId('follow-button');
    await waitFor(() => expect(follow.getAttribute('data-following')).toBe('true'));
    expect(follow.textContent).toBe('✓ Following this community');
    expect(screen.getByTestId('leave-community')).toBeTruthy();
  });
});

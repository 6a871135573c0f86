import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import type { AnswerFieldsFragment } from '../../generated/graphql';
import { viewerQuery } from '../accounts/graphql/viewer.query';
import { AnswerView } from './answer-view';
import { unacceptAnswerMutation } from './graphql/unaccept-answer.mutation';

const answer: AnswerFieldsFragment = {
  __typename: 'Answer',
  id: 'a1',
  body: 'Declare the role to your line manager.',
  score: 2,
  viewerVote: 'NONE',
  isAccepted: true,
  createdAt: '2026-01-05T10:00:00.000Z',
  author: { __typename: 'User', id: 'answerer', displayName: 'Answerer' },
  comments: [],
  revisions: [],
  citations: [],
  moderation: {
    __typename: 'PostModeration',
    visibility: 'VISIBLE',
    removalReason: null,
    viewerHasFlagged: false,
    viewerCanFlag: false,
    viewerCanModerate: false,
    viewerCanDelete: false,
    viewerCanEdit: false,
    reviewRequested: false,
  },
};

const signedInAs = (id: string): MockLink.MockedResponse => ({
  request: { query: viewerQuery },
  result: { data: { me: { __typename: 'Me', email: `${id}@example.org`, role: 'MEMBER', user: { __typename: 'User', id, displayName: id, suspendedUntil: null }, moderatedCommunities: [] } } },
});

function renderAnswer(mocks: MockLink.MockedResponse[], viewerId: string, viewerIsAsker: boolean) {
  render(
    <MockedProvider mocks={mocks}>
      <MemoryRouter>
        <AnswerView answer={answer} viewerId={viewerId} viewerIsAsker={viewerIsAsker} commentsLocked={false} />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('an answer', () => {
  it("tells its author before any click that they cannot vote on it", async () => {
    renderAnswer([signedInAs('answerer')], 'answerer', false);
    await waitFor(() => expect(screen.getByTestId('vote-hint').textContent).toBe('You cannot vote on your own answer'));
    const hint = screen.getByTestId('vote-hint');
    expect(screen.getByTestId('vote-up').hasAttribute('disabled')).toBe(true);
    expect(hint.className).toBe('vote-hint');
    expect(screen.getByTestId('vote-down').getAttribute('aria-describedby')).toBe(hint.id);
  });

  it('lets the asker take an acceptance back', async () => {
    let unaccepted = false;
    renderAnswer(
      [
        signedInAs('asker'),
        {
          request: { query: unacceptAnswerMutation, variables: { answerId: 'a1' } },
          result: () => {
            unaccepted = true;
            return { data: { unacceptAnswer: { __typename: 'Question', id: 'q1', acceptedAnswer: null, answers: [{ __typename: 'Answer', id: 'a1', isAccepted: false }] } } };
          },
        },
      ],
      'asker',
      true,
    );
    await waitFor(() => expect(screen.getByTestId('vote-up').hasAttribute('disabled')).toBe(false));
    fireEvent.click(await screen.findByTestId('unaccept-answer'));
    await waitFor(() => expect(unaccepted).toBe(true));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import type { CommentFieldsFragment } from '../../generated/graphql';
import { viewerQuery } from '../accounts/graphql/viewer.query';
import { CommentThread } from './comment-thread';
import { commentHistoryQuery } from './graphql/comment-history.query';
import { editCommentMutation } from './graphql/edit-comment.mutation';

const moderation = {
  __typename: 'PostModeration' as const,
  visibility: 'VISIBLE' as const,
  removalReason: null,
  viewerHasFlagged: false,
  viewerCanFlag: false,
  viewerCanModerate: false,
  viewerCanDelete: true,
  viewerCanEdit: true,
  reviewRequested: false,
};
const author = { __typename: 'User' as const, id: 'u1', displayName: 'Commenter' };
const comment: CommentFieldsFragment = { __typename: 'Comment', id: 'c1', body: 'Which councill?', createdAt: '2026-01-05T10:00:00.000Z', editedAt: null, author, moderation };
const edited: CommentFieldsFragment = { ...comment, body: 'Which council?', editedAt: '2026-01-05T10:05:00.000Z' };
const history: MockLink.MockedResponse = {
  request: { query: commentHistoryQuery, variables: { id: 'c1' } },
  result: {
    data: {
      comment: {
        __typename: 'Comment',
        id: 'c1',
        revisions: [
          { __typename: 'CommentRevision', revision: 1, body: 'Which councill?', editedAt: '2026-01-05T10:00:00.000Z', editedBy: author },
          { __typename: 'CommentRevision', revision: 2, body: 'Which council?', editedAt: '2026-01-05T10:05:00.000Z', editedBy: author },
        ],
      },
    },
  },
};
const viewer: MockLink.MockedResponse = {
  request: { query: viewerQuery },
  result: { data: { me: { __typename: 'Me', email: 'c@example.org', role: 'MEMBER', user: { __typename: 'User', id: 'u1', displayName: 'Commenter', suspendedUntil: null }, moderatedCommunities: [] } } },
};

function renderThread(comments: CommentFieldsFragment[], mocks: MockLink.MockedResponse[] = []) {
  render(
    <MockedProvider mocks={[viewer, ...mocks]}>
      <MemoryRouter>
        <CommentThread postId="q1" comments={comments} />
      </MemoryRouter>
    </MockedProvider>,
  );
}

describe('a comment', () => {
  it('can be edited by whoever may edit it', async () => {
    let sent = false;
    renderThread(
      [comment],
      [
        {
          request: { query: editCommentMutation, variables: { input: { commentId: 'c1', body: 'Which council?' } } },
          result: () => {
            sent = true;
            return { data: { editComment: edited } };
          },
        },
      ],
    );
    fireEvent.click(screen.getByTestId('edit-comment'));
    const form = screen.getByTestId('edit-comment-form');
    fireEvent.change(within(form).getByTestId('edit-comment-body'), { target: { value: ' Which council? ' } });
    fireEvent.click(within(form).getByTestId('edit-comment-save'));
    await waitFor(() => expect(screen.queryByTestId('edit-comment-form')).toBeNull());
    expect(sent).toBe(true);
  });

  it('once edited says so, and keeps every earlier wording readable, read when opened', async () => {
    renderThread([edited], [history]);
    const details = screen.getByTestId('comment-history') as HTMLDetailsElement;
    expect(details.querySelector('summary')?.textContent).toMatch(/^edited /);
    details.open = true;
    fireEvent(details, new Event('toggle'));
    await waitFor(() => expect(details.querySelectorAll('li')).toHaveLength(2));
    expect(Array.from(details.querySelectorAll('li')).map((item) => item.textContent?.split(' — ')[0])).toEqual(['Which council?', 'Which councill?']);
  });

  it('offers its author a way to delete it', async () => {
    renderThread([comment]);
    expect((await screen.findByTestId('delete-own-post')).textContent).toBe('Delete');
  });
});

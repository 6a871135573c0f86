/**
 * @jest-environment ./jest.environment.cjs
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { createMemoryRouter, Link, RouterProvider } from 'react-router';
import { viewerQuery } from '../accounts/graphql/viewer.query';
import { resolveCitationsQuery } from '../citations/graphql/resolve-citations.query';
import { policyDraftQuery } from './graphql/policy-draft.query';
import { savePolicyDraftMutation } from './graphql/save-policy-draft.mutation';
import { PolicyDraftEditor, savedAtLabel } from './policy-draft-editor';

const LOADED_AT = '2026-01-05T09:00:00.000Z';
const FIRST_SAVE = '2026-01-05T10:42:00.000Z';
const ORIGINAL = '## Purpose\n\nWhy we allow remote work.';
const EDITED = '## Purpose\n\nWhy we allow remote work, and when.';
const EDITED_AGAIN = '## Purpose\n\nWhy we allow remote work, and when not.';

const viewer: MockLink.MockedResponse = {
  request: { query: viewerQuery },
  result: {
    data: {
      me: {
        __typename: 'Me',
        email: 'author@example.org',
        role: 'MEMBER',
        user: { __typename: 'User', id: 'u1', displayName: 'Kate Linden', suspendedUntil: null },
        moderatedCommunities: [],
      },
    },
  },
};

const draftDocument: MockLink.MockedResponse = {
  request: { query: policyDraftQuery, variables: { slug: 'remote-working' } },
  result: {
    data: {
      policyDocument: {
        __typename: 'PolicyDocument',
        id: 'd1',
        slug: 'remote-working',
        title: 'Remote Working Policy',
        canAuthor: true,
        organisation: { __typename: 'Organisation', id: 'o1', slug: 'county-council', name: 'Shireford County Council' },
        latestVersion: null,
        draft: { __typename: 'PolicyDraft', markdown: ORIGINAL, updatedAt: LOADED_AT, citationsMadeStale: [] },
        citedBy: [],
      },
    },
  },
  maxUsageCount: 5,
};

const saved = (markdown: string, updatedAt: string) => ({
  data: { savePolicyDraft: { __typename: 'PolicyDraft', markdown, updatedAt, citationsMadeStale: [] } },
});

function renderEditor(mocks: MockLink.MockedResponse[]) {
  const router = createMemoryRouter(
    [
      {
        path: '/policies/:slug/draft',
        element: (
          <>
            <Link to="/policies">Back to the library</Link>
            <PolicyDraftEditor slug="remote-working" />
          </>
        ),
      },
      { path: '/policies', element: <h1>Policy library</h1> },
    ],
    { initialEntries: ['/policies/remote-working/draft'] },
  );
  render(
    <MockedProvider mocks={[viewer, draftDocument, ...mocks]}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return router;
}

const status = () => screen.getByTestId('draft-save-status');
const type = (markdown: string) => fireEvent.change(screen.getByTestId('draft-markdown'), { target: { value: markdown } });

describe('the draft editor', () => {
  it('saves by itself after a pause, from the save it loaded, and says when it last saved', async () => {
    renderEditor([
      { request: { query: savePolicyDraftMutation, variables: { input: { documentId: 'd1', markdown: EDITED, expectedUpdatedAt: LOADED_AT } } }, result: saved(EDITED, FIRST_SAVE) },
      {
        request: { query: savePolicyDraftMutation, variables: { input: { documentId: 'd1', markdown: EDITED_AGAIN, expectedUpdatedAt: FIRST_SAVE } } },
        result: saved(EDITED_AGAIN, '2026-01-05T10:45:00.000Z'),
      },
    ]);
    await screen.findByTestId('draft-markdown');
    expect(status().getAttribute('data-state')).toBe('saved');
    type(EDITED);
    expect(status().textContent).toMatch(/^Unsaved changes/);
    await waitFor(() => expect(status().textContent).toBe(`${savedAtLabel(FIRST_SAVE)}.`), { timeout: 4000 });
    // The next save starts from the one just made, and "last saved" moves on with it.
    type(EDITED_AGAIN);
    await waitFor(() => expect(status().textContent).toBe(`${savedAtLabel('2026-01-05T10:45:00.000Z')}.`), { timeout: 4000 });
  });

  it('reports a draft changed elsewhere instead of overwriting it, and can load it or replace it', async () => {
    renderEditor([
      {
        request: { query: savePolicyDraftMutation, variables: { input: { documentId: 'd1', markdown: EDITED, expectedUpdatedAt: LOADED_AT } } },
        result: { errors: [new GraphQLError('This draft was saved elsewhere after you opened it.', { extensions: { code: 'BAD_USER_INPUT', field: 'expectedUpdatedAt' } })] },
      },
      { request: { query: savePolicyDraftMutation, variables: { input: { documentId: 'd1', markdown: EDITED } } }, result: saved(EDITED, FIRST_SAVE) },
    ]);
    await screen.findByTestId('draft-markdown');
    type(EDITED);
    const conflict = await screen.findByTestId('draft-conflict', {}, { timeout: 4000 });
    expect(conflict.textContent).toContain('This draft changed elsewhere since you opened it.');
    expect(status().getAttribute('data-state')).toBe('conflict');
    fireEvent.click(within(conflict).getByTestId('draft-conflict-overwrite'));
    await waitFor(() => expect(status().textContent).toBe(`${savedAtLabel(FIRST_SAVE)}.`));
    expect(screen.queryByTestId('draft-conflict')).toBeNull();
  });

  it('says what is wrong with the draft in words with the line, and does not save it until fixed', async () => {
    renderEditor([]);
    await screen.findByTestId('draft-markdown');
    type('Notes before any heading.\n\n## Purpose\n\nWhy.');
    expect(screen.getByTestId('draft-errors').textContent).toBe(
      'Line 1: This text comes before the first section heading, so nobody could cite it. Put a heading such as "## Introduction" above it.',
    );
    expect(screen.getByTestId('draft-errors').textContent).not.toMatch(/\[|content-outside-section/);
    expect(status().getAttribute('data-state')).toBe('invalid');
  });

  it('asks before leaving with unsaved changes, and stays when asked to', async () => {
    const router = renderEditor([{ request: { query: resolveCitationsQuery }, result: { data: { resolveCitations: [] } } }]);
    await screen.findByTestId('draft-markdown');
    type('Notes before any heading.\n\n## Purpose\n\nWhy.');
    fireEvent.click(screen.getByRole('link', { name: 'Back to the library' }));
    const dialog = await screen.findByTestId('leave-draft-dialog');
    expect(dialog.textContent).toContain('If you leave now, they are lost.');
    fireEvent.click(within(dialog).getByTestId('leave-draft-stay'));
    await waitFor(() => expect(screen.queryByTestId('leave-draft-dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/policies/remote-working/draft');
    fireEvent.click(screen.getByRole('link', { name: 'Back to the library' }));
    fireEvent.click(within(await screen.findByTestId('leave-draft-dialog')).getByTestId('leave-draft-discard'));
    await screen.findByRole('heading', { name: 'Policy library' });
  });

  it('asks for confirmation before publishing, saying it cannot be undone', async () => {
    renderEditor([]);
    await screen.findByTestId('draft-markdown');
    fireEvent.change(screen.getByTestId('publish-summary'), { target: { value: 'First edition.' } });
    fireEvent.click(screen.getByTestId('publish-submit'));
    const dialog = await screen.findByTestId('publish-confirm-dialog');
    expect(dialog.textContent).toContain('This cannot be undone.');
    expect(within(dialog).getByTestId('publish-confirm').textContent).toBe('Publish version 1.0');
    fireEvent.click(within(dialog).getByTestId('publish-cancel'));
    await waitFor(() => expect(screen.queryByTestId('publish-confirm-dialog')).toBeNull());
  });
});

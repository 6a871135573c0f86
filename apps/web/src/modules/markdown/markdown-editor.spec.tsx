import { useState } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { MemoryRouter } from 'react-router';
import { resolveCitationsQuery } from '../citations/graphql/resolve-citations.query';
import { referencesToResolve } from '../citations/use-resolved-citations';
import { MarkdownEditor } from './markdown-editor';

const GOOD = 'policy:social-media-policy@2.0#personal-and-professional-responsibilities';
const MISSING = 'policy:social-media-policy@9.0#scope';
const MALFORMED = 'policy:social-media-policy#scope';

const resolution: MockLink.MockedResponse = {
  request: { query: resolveCitationsQuery, variables: { references: [GOOD, MISSING, MALFORMED] } },
  result: {
    data: {
      resolveCitations: [
        {
          __typename: 'CitationResolution',
          reference: GOOD,
          problem: null,
          citation: {
            __typename: 'Citation',
            id: `preview:${GOOD}`,
            reference: GOOD,
            status: 'CHANGED',
            latestReference: 'policy:social-media-policy@3.0#personal-and-professional-responsibilities',
            document: { __typename: 'PolicyDocument', id: 'd1', slug: 'social-media-policy', title: 'Social Media Policy and Guidance' },
            version: { __typename: 'PolicyVersion', id: 'v2', version: '2.0' },
            section: { __typename: 'PolicySection', anchor: 'personal-and-professional-responsibilities', title: 'Personal and professional responsibilities' },
            latestVersion: { __typename: 'PolicyVersion', id: 'v3', version: '3.0' },
            changedIn: { __typename: 'PolicyVersion', id: 'v3', version: '3.0' },
          },
        },
        { __typename: 'CitationResolution', reference: MISSING, problem: '"Social Media Policy and Guidance" has no published version 9.0.', citation: null },
        { __typename: 'CitationResolution', reference: MALFORMED, problem: 'This is not a policy citation: it names no version.', citation: null },
      ],
    },
  },
};

function Editor({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return <MarkdownEditor label="Body" value={value} onChange={setValue} citations />;
}

describe('MarkdownEditor preview', () => {
  it('shows citations as a saved post would: titled chips, and errors in words for references saving would refuse', async () => {
    render(
      <MockedProvider mocks={[resolution]}>
        <MemoryRouter>
          <Editor initial={`See ${GOOD}, ${MISSING} and ${MALFORMED}.`} />
        </MemoryRouter>
      </MockedProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(document.querySelector('.citation-chip[data-status="CHANGED"]')).not.toBeNull(), { timeout: 3000 });
    const chip = document.querySelector('.citation-chip[data-status="CHANGED"]');
    expect(chip?.textContent).toBe('Social Media Policy and Guidance 2.0 § Personal and professional responsibilities changed in 3.0');
    // The well-formed reference to nothing is an error in the preview, not a valid-looking chip.
    const error = document.querySelector(`.citation-chip[data-policy-ref="${MISSING}"]`);
    expect(error?.getAttribute('data-status')).toBe('ERROR');
    expect(error?.textContent).toContain('has no published version 9.0.');
    // Every reference saving would refuse is listed under the editor, the malformed one too.
    expect(screen.getByTestId('citation-problems').textContent).toBe(
      `${MISSING} will not save: "Social Media Policy and Guidance" has no published version 9.0.${MALFORMED} will not save: This is not a policy citation: it names no version.`,
    );
  });
});

describe('referencesToResolve', () => {
  it('lists each reference once in the order written, malformed ones too, leaving out code and what is already resolved', () => {
    const text = `First ${MISSING}, then [x](${GOOD}), \`${MALFORMED}\` in code, ${MALFORMED} and ${MISSING} again.`;
    expect(referencesToResolve([text], new Set())).toEqual([MISSING, GOOD, MALFORMED]);
    expect(referencesToResolve([text, `Also ${GOOD}`], new Set([GOOD]))).toEqual([MISSING, MALFORMED]);
    expect(referencesToResolve(['No citations here.'], new Set())).toEqual([]);
  });
});

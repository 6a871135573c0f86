import { act, fireEvent, render } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { MarkdownView } from './markdown-view';
import { renderMarkdown } from './render-markdown';

// The real renderer, counted: hydrating must not run it again for a post the server rendered.
jest.mock('./render-markdown', () => {
  const actual = jest.requireActual<typeof import('./render-markdown')>('./render-markdown');
  return { ...actual, renderMarkdown: jest.fn(actual.renderMarkdown) };
});

function Where() {
  const location = useLocation();
  return <output data-testid="where">{`${location.pathname}${location.search}${location.hash}`}</output>;
}

function renderAt(source: string) {
  return render(
    <MemoryRouter initialEntries={['/q/1']}>
      <Routes>
        <Route
          path="*"
          element={
            <>
              <MarkdownView source={source} />
              <Where />
            </>
          }
        />
      </Routes>
    </MemoryRouter>,
  );
}

describe('MarkdownView', () => {
  it('follows a citation chip through the router instead of reloading the page', () => {
    const { container, getByTestId } = renderAt('See policy:code-of-business-conduct@1.0#line-manager-outcomes.');
    const link = container.querySelector('[data-testid="citation-chip-link"]');
    expect(link).not.toBeNull();
    fireEvent.click(link as Element);
    expect(getByTestId('where').textContent).toBe('/policies/code-of-business-conduct/1.0#line-manager-outcomes');
  });

  it('leaves external links and modified clicks to the browser', () => {
    const { container, getByTestId } = renderAt('[elsewhere](https://example.org/x) and [here](/q/2)');
    const [external, internal] = Array.from(container.querySelectorAll('a'));
    fireEvent.click(external);
    expect(getByTestId('where').textContent).toBe('/q/1');
    fireEvent.click(internal, { ctrlKey: true });
    expect(getByTestId('where').textContent).toBe('/q/1');
    fireEvent.click(internal);
    expect(getByTestId('where').textContent).toBe('/q/2');
  });

  it('keeps the server-rendered HTML of a post while hydrating, and renders the post once it changes', async () => {
    // What the server sent: the same component's HTML (here marked so that a second render would show).
    const container = document.createElement('div');
    container.innerHTML = '<div class="markdown" data-testid="post"><p>rendered on the <em>server</em></p></div>';
    document.body.append(container);
    const view = (source: string) => (
      <MemoryRouter>
        <MarkdownView source={source} testId="post" />
      </MemoryRouter>
    );
    const rendering = jest.mocked(renderMarkdown);
    rendering.mockClear();
    const root = await act(async () => hydrateRoot(container, view('rendered on the *server*')));
    expect(container.querySelector('[data-testid="post"]')?.innerHTML).toBe('<p>rendered on the <em>server</em></p>');
    expect(rendering).not.toHaveBeenCalled();
    await act(async () => root.render(view('edited **since**')));
    expect(container.querySelector('[data-testid="post"]')?.innerHTML).toBe('<p>edited <strong>since</strong></p>\n');
    expect(rendering).toHaveBeenCalledTimes(1);
    root.unmount();
    container.remove();
  });
});

import { fireEvent, render } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { MarkdownView } from './markdown-view';

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
});

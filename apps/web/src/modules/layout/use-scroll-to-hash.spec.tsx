import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { useScrollToHash } from './use-scroll-to-hash';

function Page({ ready, sectionShown }: { ready: boolean; sectionShown: boolean }) {
  useScrollToHash(ready);
  return sectionShown ? <section id="line-manager-outcomes">Outcomes</section> : <p>Loading…</p>;
}

describe('useScrollToHash', () => {
  const scrolled: string[] = [];
  beforeAll(() => {
    Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
      scrolled.push(this.id);
    };
  });
  beforeEach(() => scrolled.splice(0));

  function renderAt(ready: boolean, sectionShown: boolean) {
    const element = (r: boolean, s: boolean) => (
      <MemoryRouter initialEntries={['/policies/code/1.0#line-manager-outcomes']}>
        <Page ready={r} sectionShown={s} />
      </MemoryRouter>
    );
    const view = render(element(ready, sectionShown));
    return { rerender: (r: boolean, s: boolean) => view.rerender(element(r, s)) };
  }

  it('lands on the section once it is on the page, even when the data said ready before the section rendered', () => {
    // The version arrived before the document: ready, but the page still shows its loading state.
    const view = renderAt(true, false);
    expect(scrolled).toEqual([]);
    view.rerender(true, true);
    expect(scrolled).toEqual(['line-manager-outcomes']);
  });

  it('scrolls once per navigation, not on every later render', () => {
    const view = renderAt(true, true);
    view.rerender(true, true);
    view.rerender(true, true);
    expect(scrolled).toEqual(['line-manager-outcomes']);
  });

  it('waits for the page to say its data is ready', () => {
    const view = renderAt(false, true);
    expect(scrolled).toEqual([]);
    view.rerender(true, true);
    expect(scrolled).toEqual(['line-manager-outcomes']);
  });
});

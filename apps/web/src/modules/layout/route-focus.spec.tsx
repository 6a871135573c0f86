import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, MemoryRouter, Outlet, Route, Routes, useNavigate } from 'react-router';
import { useRouteFocus } from './route-focus';

const announced: string[] = [];

function Layout() {
  const main = useRef<HTMLElement>(null);
  const announce = useCallback((message: string) => announced.push(message), []);
  useRouteFocus(main, announce);
  return (
    <>
      <nav>
        <Link to="/policies">Policies</Link>
        <Link to="/slow">Slow</Link>
        <Link to="/policies#purdah">Purdah</Link>
      </nav>
      <main ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/** A page whose heading comes with its data, a moment after it opens. */
function SlowPage() {
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setLoaded(true), 20);
    return () => clearTimeout(timer);
  }, []);
  return loaded ? <h1>Slow page</h1> : <p>Loading…</p>;
}

/** A version picker: choosing changes the address. */
function VersionPicker() {
  const navigate = useNavigate();
  return (
    <>
      <h1>Policy</h1>
      <select aria-label="Version" defaultValue="2.0" onChange={(event) => void navigate(`/policies/${event.target.value}`)}>
        <option value="2.0">2.0</option>
        <option value="1.0">1.0</option>
      </select>
    </>
  );
}

function renderApp(path = '/') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<h1>Home</h1>} />
          <Route
            path="policies"
            element={
              <>
                <h1>Policy library</h1>
                <section id="purdah">Purdah</section>
              </>
            }
          />
          <Route path="policies/:version" element={<VersionPicker />} />
          <Route path="slow" element={<SlowPage />} />
        </Route>
      </Routes>
    </MemoryRouter>,
  );
}

describe('useRouteFocus', () => {
  beforeAll(() => {
    window.scrollTo = () => undefined;
  });
  beforeEach(() => announced.splice(0));

  it('leaves focus alone on the first page, so the skip link stays the first Tab stop', () => {
    renderApp();
    expect(document.activeElement).toBe(document.body);
  });

  it('moves focus to the new page’s heading after a link opens it', () => {
    renderApp();
    fireEvent.click(screen.getByText('Policies'));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Policy library' }));
  });

  it('waits for a heading that arrives with the page’s data', async () => {
    renderApp();
    fireEvent.click(screen.getByText('Slow'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Slow page' })));
  });

  it('focuses what a #fragment names rather than the heading', () => {
    renderApp();
    fireEvent.click(screen.getByText('Purdah', { selector: 'a' }));
    expect(document.activeElement?.id).toBe('purdah');
  });

  it('keeps focus on a control that changed the address, and reads the new title out', async () => {
    renderApp('/policies/2.0');
    const picker = screen.getByLabelText('Version');
    picker.focus();
    document.title = 'Policy 1.0 · Policy Commons';
    act(() => {
      fireEvent.change(picker, { target: { value: '1.0' } });
    });
    expect(document.activeElement).toBe(screen.getByLabelText('Version'));
    await waitFor(() => expect(announced).toEqual(['Policy 1.0 · Policy Commons']));
  });
});

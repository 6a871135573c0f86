import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, NavLink, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useSignOut } from '../accounts/use-sign-out';
import { useViewer } from '../accounts/use-viewer';
import { moderationEntryPath } from '../moderation/moderation-log';
import { NotificationBell } from '../notifications/notification-bell';
import { useMediaQuery } from './use-media-query';

/** Where the header folds its links behind a menu button; the same width as `.site-header` rules in styles.css. */
export const WIDE_HEADER_QUERY = '(min-width: 60rem)';
const MENU_ID = 'site-menu';

export function SiteHeader() {
  const { viewer, loading } = useViewer();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const [query, setQuery] = useState(searchParams.get('q') ?? '');
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const wide = useMediaQuery(WIDE_HEADER_QUERY, true);
  const moderationPath = moderationEntryPath(viewer);

  // A link in the menu opens its page; the menu folds away behind it.
  useEffect(() => setMenuOpen(false), [location.pathname, location.search]);

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = query.trim();
    if (trimmed !== '') void navigate(`/search?q=${encodeURIComponent(trimmed)}`);
  }

  // The bell stays in sight beside the menu button on a narrow screen, and sits with the
  // account links on a wide one; either way it comes where it is seen in the Tab order.
  const bell = viewer ? <NotificationBell /> : null;

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand" data-testid="nav-home">
          Policy Commons
        </Link>
        {wide ? null : (
          <div className="site-header-tools">
            {bell}
            <button
              ref={menuButton}
              type="button"
              className="menu-button"
              aria-expanded={menuOpen}
              aria-controls={MENU_ID}
              onClick={() => setMenuOpen((open) => !open)}
              data-testid="menu-button"
            >
              <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
              </svg>
              Menu
            </button>
          </div>
        )}
        <div
          id={MENU_ID}
          className={menuOpen ? 'site-menu open' : 'site-menu'}
          data-testid="site-menu"
          onKeyDown={(event) => {
            if (event.key === 'Escape' && menuOpen) {
              setMenuOpen(false);
              menuButton.current?.focus();
            }
          }}
        >
          <nav className="site-nav" aria-label="Main">
            <NavLink to="/" end>
              Home
            </NavLink>
            <NavLink to="/policies" data-testid="nav-policies">
              Policies
            </NavLink>
            <NavLink to="/ask" data-testid="nav-ask">
              Ask
            </NavLink>
            {moderationPath ? (
              <NavLink to={moderationPath} data-testid="nav-moderation">
                Moderation
              </NavLink>
            ) : null}
          </nav>
          <form className="site-search" role="search" onSubmit={submitSearch}>
            <input type="search" name="q" aria-label="Search questions and answers" placeholder="Search…" value={query} onChange={(event) => setQuery(event.target.value)} />
            <button type="submit">Search</button>
          </form>
          <div className="site-account" data-testid="account">
            {loading ? null : viewer ? (
              <>
                {wide ? bell : null}
                <Link to={`/u/${viewer.user.id}`} data-testid="viewer-name">
                  {viewer.user.displayName}
                </Link>
                <button type="button" className="link-button" data-testid="sign-out" onClick={() => void signOut()}>
                  Sign out
                </button>
              </>
            ) : (
              <>
                <NavLink to="/signin" data-testid="nav-sign-in">
                  Sign in
                </NavLink>
                <NavLink to="/signup" className="button-link" data-testid="nav-sign-up">
                  Sign up
                </NavLink>
              </>
            )}
          </div>
        </div>
      </div>
    </header>
  );
}

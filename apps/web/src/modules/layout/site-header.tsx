import { useState, type FormEvent } from 'react';
import { Link, NavLink, useNavigate, useSearchParams } from 'react-router';
import { useSignOut } from '../accounts/use-sign-out';
import { useViewer } from '../accounts/use-viewer';
import { moderationEntryPath } from '../moderation/moderation-log';
import { NotificationBell } from '../notifications/notification-bell';

export function SiteHeader() {
  const { viewer, loading } = useViewer();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [query, setQuery] = useState(searchParams.get('q') ?? '');
  const moderationPath = moderationEntryPath(viewer);

  function submitSearch(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = query.trim();
    if (trimmed !== '') void navigate(`/search?q=${encodeURIComponent(trimmed)}`);
  }

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link to="/" className="brand" data-testid="nav-home">
          Policy Commons
        </Link>
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
              <NotificationBell />
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
    </header>
  );
}

import type { ReactNode } from 'react';
import { useQuery, skipToken } from '@apollo/client/react';
import { Link, NavLink } from 'react-router';
import { useViewer } from '../accounts/use-viewer';
import { ErrorState, LoadingState } from '../layout/states';
import { NotFound } from '../layout/not-found';
import { PageTitle } from '../layout/page-title';
import { moderatedCommunityQuery } from './graphql/moderated-community.query';
import { moderationPaths } from './moderation-log';

interface ModerationScopeProps {
  /** null: site-wide. */
  communitySlug: string | null;
  heading: string;
  children: (scope: { communitySlug: string | null }) => ReactNode;
}

/**
 * Who may see a moderation page: a community's moderators (and site staff) for the
 * community, site staff for the site. Everyone else is told why instead of getting a
 * bare FORBIDDEN; a member who moderates communities is shown theirs.
 */
export function ModerationScope({ communitySlug, heading, children }: ModerationScopeProps) {
  const { viewer, loading } = useViewer();
  const community = useQuery(moderatedCommunityQuery, communitySlug ? { variables: { slug: communitySlug } } : skipToken);

  if (loading || (communitySlug && !community.data && !community.error)) return <LoadingState />;
  if (!viewer) {
    return (
      <section>
        <PageTitle title={heading} />
        <h1>{heading}</h1>
        <p className="card">
          <Link to={`/signin?next=${encodeURIComponent(moderationPaths(communitySlug).queue)}`}>Sign in</Link> as a moderator to see this page.
        </p>
      </section>
    );
  }
  if (community.error) return <ErrorState error={community.error} title="Could not load this community" />;

  const siteStaff = viewer.role === 'ADMIN' || viewer.role === 'MODERATOR';
  let title = 'all communities';
  if (communitySlug) {
    const found = community.data?.community;
    if (!found) return <NotFound what="community" />;
    if (!found.viewerCanModerate) return <Refused heading={heading}>Only the moderators of {found.title} can see its moderation queue and log.</Refused>;
    title = found.title;
  } else if (!siteStaff) {
    if (viewer.moderatedCommunities.length === 0) return <Refused heading={heading}>Only moderators can see the moderation queue and log.</Refused>;
    return (
      <section>
        <PageTitle title="Moderation" />
        <h1>Moderation</h1>
        <p>The site-wide queue is for site moderators and admins. You moderate:</p>
        <ul className="link-list" data-testid="moderated-communities">
          {viewer.moderatedCommunities.map((moderated) => (
            <li key={moderated.id}>
              <Link to={moderationPaths(moderated.slug).queue}>{moderated.title}</Link> · <Link to={moderationPaths(moderated.slug).log}>log</Link>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  const paths = moderationPaths(communitySlug);
  return (
    <section className="moderation-page">
      <PageTitle title={`${heading}: ${title}`} />
      <p className="breadcrumb">{communitySlug ? <Link to={`/c/${communitySlug}`}>{title}</Link> : 'Site-wide'}</p>
      <h1>
        {heading}: {title}
      </h1>
      <nav className="tabs" aria-label="Moderation">
        <NavLink to={paths.queue} end className={({ isActive }) => (isActive ? 'tab active' : 'tab')} data-testid="tab-queue">
          Queue
        </NavLink>
        <NavLink to={paths.log} className={({ isActive }) => (isActive ? 'tab active' : 'tab')} data-testid="tab-log">
          Log
        </NavLink>
      </nav>
      {children({ communitySlug })}
    </section>
  );
}

function Refused({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <section>
      <PageTitle title={heading} />
      <h1>{heading}</h1>
      <div className="state state-error" role="alert" data-testid="moderation-refused">
        <strong>Not for you</strong>
        <p>{children}</p>
      </div>
    </section>
  );
}

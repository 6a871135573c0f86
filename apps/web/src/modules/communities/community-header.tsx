import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../layout/states';
import { NotFound } from '../layout/not-found';
import { communityDetailQuery } from './graphql/community-detail.query';
import { FollowButton } from '../subscriptions/follow-button';
import { MembershipButton } from './membership-button';
import { countLabel } from '../layout/count-label';
import { moderationPaths } from '../moderation/moderation-log';
import { PageTitle } from '../layout/page-title';
import { JsonLd } from '../seo/json-ld';
import { PageMeta } from '../seo/page-meta';
import { useSiteOrigin } from '../seo/site-origin';
import { breadcrumbJsonLd } from '../seo/structured-data';

export function CommunityHeader({ slug }: { slug: string }) {
  const { data, error } = useQuery(communityDetailQuery, { variables: { slug } });
  const origin = useSiteOrigin();
  if (error) return <ErrorState error={error} title="Could not load this community" />;
  if (!data) return <LoadingState />;
  if (!data.community) return <NotFound what="community" />;
  const community = data.community;
  return (
    <header className="community-header">
      <PageTitle title={community.title} />
      {/* The tabs (?tab=) sort or narrow this same list and "Load more" is not in the address, so the canonical is the bare community path. */}
      <PageMeta title={community.title} description={community.description.trim() || `Questions and answers in ${community.title}, a community of practice on Policy Commons.`} path={`/c/${encodeURIComponent(community.slug)}`} />
      <JsonLd
        data={breadcrumbJsonLd(origin, [
          { name: 'Home', path: '/' },
          { name: community.title, path: `/c/${encodeURIComponent(community.slug)}` },
        ])}
      />
      <h1 data-testid="community-title">{community.title}</h1>
      <p>{community.description}</p>
      <div className="row">
        <span className="muted" data-testid="member-count">
          {countLabel(community.memberCount, 'member')}
        </span>
        <MembershipButton communityId={community.id} communityTitle={community.title} isMember={community.viewerIsMember} />
        {/* Joining follows; members may unfollow (and follow again) to choose what reaches them. */}
        {community.viewerIsMember ? <FollowButton kind="COMMUNITY" targetId={community.id} what="this community" /> : null}
        <Link to={`/ask?community=${encodeURIComponent(community.slug)}`} className="button-link" data-testid="ask-in-community">
          Ask a question
        </Link>
        {community.viewerCanModerate ? (
          <>
            <Link to={moderationPaths(community.slug).queue} data-testid="community-moderation">
              Moderation queue
            </Link>
            <Link to={moderationPaths(community.slug).log}>Moderation log</Link>
          </>
        ) : null}
      </div>
    </header>
  );
}

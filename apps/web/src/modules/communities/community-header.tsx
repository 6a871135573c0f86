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

export function CommunityHeader({ slug }: { slug: string }) {
  const { data, error } = useQuery(communityDetailQuery, { variables: { slug } });
  if (error) return <ErrorState error={error} title="Could not load this community" />;
  if (!data) return <LoadingState />;
  if (!data.community) return <NotFound what="community" />;
  const community = data.community;
  return (
    <header className="community-header">
      <PageTitle title={community.title} />
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

import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { communityListQuery } from './graphql/community-list.query';
import { countLabel } from '../layout/count-label';

export function CommunityList() {
  const { data, error } = useQuery(communityListQuery);
  if (error) return <ErrorState error={error} title="Could not load communities" />;
  if (!data) return <LoadingState />;
  if (data.communities.length === 0) return <EmptyState>No communities yet.</EmptyState>;
  return (
    <ul className="community-list" data-testid="community-list">
      {data.communities.map((community) => (
        <li key={community.id} className="card community-card" data-testid="community-card">
          <h3>
            <Link to={`/c/${community.slug}`} data-testid={`community-link-${community.slug}`}>
              {community.title}
            </Link>
          </h3>
          <p>{community.description}</p>
          <p className="muted">
            {countLabel(community.memberCount, 'member')}
            {community.viewerIsMember ? ' · you are a member' : ''}
          </p>
        </li>
      ))}
    </ul>
  );
}

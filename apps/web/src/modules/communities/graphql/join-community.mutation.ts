import { graphql } from '../../../generated';

export const joinCommunityMutation = graphql(`
  mutation JoinCommunity($communityId: ID!) {
    joinCommunity(communityId: $communityId) {
      id
      memberCount
      viewerIsMember
    }
  }
`);

import { graphql } from '../../../generated';

export const JoinCommunityMutation = graphql(`
  mutation JoinCommunity($communityId: ID!) {
    joinCommunity(communityId: $communityId) {
      id
      memberCount
      viewerIsMember
    }
  }
`);

import { graphql } from '../../../generated';

export const leaveCommunityMutation = graphql(`
  mutation LeaveCommunity($communityId: ID!) {
    leaveCommunity(communityId: $communityId) {
      id
      memberCount
      viewerIsMember
    }
  }
`);

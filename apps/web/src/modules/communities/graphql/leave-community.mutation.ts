import { graphql } from '../../../generated';

export const LeaveCommunityMutation = graphql(`
  mutation LeaveCommunity($communityId: ID!) {
    leaveCommunity(communityId: $communityId) {
      id
      memberCount
      viewerIsMember
    }
  }
`);

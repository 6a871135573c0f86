import { graphql } from '../../../generated';

export const unfollowMutation = graphql(`
  mutation Unfollow($input: FollowInput!) {
    unfollow(input: $input)
  }
`);

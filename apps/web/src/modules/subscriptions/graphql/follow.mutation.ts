import { graphql } from '../../../generated';

export const followMutation = graphql(`
  mutation Follow($input: FollowInput!) {
    follow(input: $input) {
      ...FollowFields
    }
  }
`);

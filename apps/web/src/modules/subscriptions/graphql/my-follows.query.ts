import { graphql } from '../../../generated';

export const myFollowsQuery = graphql(`
  query MyFollows {
    me {
      follows {
        ...FollowFields
      }
    }
  }
`);

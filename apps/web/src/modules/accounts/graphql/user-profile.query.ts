import { graphql } from '../../../generated';

export const UserProfileQuery = graphql(`
  query UserProfile($id: ID!) {
    user(id: $id) {
      id
      displayName
      affiliations {
        role
        organisation {
          id
          slug
          name
        }
      }
    }
  }
`);

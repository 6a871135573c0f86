import { graphql } from '../../../generated';

export const userProfileQuery = graphql(`
  query UserProfile($id: ID!) {
    user(id: $id) {
      id
      displayName
      suspendedUntil
      organisationRoles {
        role
        organisation {
          id
          slug
          name
        }
      }
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

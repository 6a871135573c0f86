import { graphql } from '../../../generated';

/** The signed-in person's granted roles and role requests, with every organisation to ask at. */
export const myOrganisationRolesQuery = graphql(`
  query MyOrganisationRoles {
    me {
      organisationRoles {
        role
        organisation {
          id
          slug
          name
        }
      }
      myRoleRequests {
        id
        role
        status
        createdAt
        organisation {
          id
          slug
          name
        }
      }
    }
    organisations {
      id
      slug
      name
    }
  }
`);

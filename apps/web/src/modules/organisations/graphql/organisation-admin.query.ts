import { graphql } from '../../../generated';

/** What only the organisation's admins may read: requests waiting for them, and every role change. */
export const organisationAdminQuery = graphql(`
  query OrganisationAdmin($slug: String!) {
    organisation(slug: $slug) {
      id
      pendingRoleRequests {
        id
        role
        note
        status
        createdAt
        user {
          id
          displayName
        }
      }
      roleChanges(first: 50) {
        id
        fromRole
        toRole
        reason
        createdAt
        user {
          id
          displayName
        }
        actor {
          id
          displayName
        }
      }
    }
  }
`);

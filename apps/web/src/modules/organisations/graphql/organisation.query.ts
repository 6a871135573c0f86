import { graphql } from '../../../generated';

export const organisationQuery = graphql(`
  query Organisation($slug: String!) {
    organisation(slug: $slug) {
      id
      slug
      name
      viewerRole
      viewerCanManage
      viewerPendingRequest {
        id
        role
        note
        status
        createdAt
      }
      members {
        role
        grantedAt
        user {
          id
          displayName
        }
      }
    }
    policyDocuments(organisationSlug: $slug) {
      id
      slug
      title
      latestVersion {
        id
        version
      }
    }
  }
`);

import { graphql } from '../../../generated';

export const viewerQuery = graphql(`
  query Viewer {
    me {
      email
      role
      user {
        id
        displayName
        suspendedUntil
      }
      moderatedCommunities {
        id
        slug
        title
      }
    }
  }
`);

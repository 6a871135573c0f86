import { graphql } from '../../../generated';

export const viewerQuery = graphql(`
  query Viewer {
    me {
      email
      role
      user {
        id
        displayName
      }
    }
  }
`);

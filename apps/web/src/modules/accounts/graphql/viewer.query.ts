import { graphql } from '../../../generated';

export const ViewerQuery = graphql(`
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

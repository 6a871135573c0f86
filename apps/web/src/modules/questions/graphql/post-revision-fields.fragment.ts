import { graphql } from '../../../generated';

export const postRevisionFieldsFragment = graphql(`
  fragment PostRevisionFields on PostRevision {
    title
    body
    editedAt
    editedBy {
      id
      displayName
    }
  }
`);

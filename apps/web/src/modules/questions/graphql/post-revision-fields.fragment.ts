import { graphql } from '../../../generated';

export const PostRevisionFieldsFragment = graphql(`
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

import { graphql } from '../../../generated';

export const CommentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    body
    createdAt
    author {
      id
      displayName
    }
  }
`);

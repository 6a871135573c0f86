import { graphql } from '../../../generated';

export const commentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    body
    createdAt
    editedAt
    author {
      id
      displayName
    }
    moderation {
      ...PostModerationFields
    }
  }
`);

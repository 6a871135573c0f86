import { graphql } from '../../../generated';

export const commentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    body
    createdAt
    author {
      id
      displayName
    }
    moderation {
      ...PostModerationFields
    }
  }
`);

import { graphql } from '../../../generated';

export const commentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    body
    createdAt
    editedAt
    revisions {
      revision
      body
      editedAt
      editedBy {
        id
        displayName
      }
    }
    author {
      id
      displayName
    }
    moderation {
      ...PostModerationFields
    }
  }
`);

import { graphql } from '../../../generated';

/** A comment's earlier wordings, read when someone opens them (a page of comments does not carry every history). */
export const commentHistoryQuery = graphql(`
  query CommentHistory($id: ID!) {
    comment(id: $id) {
      id
      revisions {
        revision
        body
        editedAt
        editedBy {
          id
          displayName
        }
      }
    }
  }
`);

import { graphql } from '../../../generated';

export const searchQuery = graphql(`
  query Search($query: String!, $first: Int, $after: String) {
    search(query: $query, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          snippet
          rank
          answer {
            id
          }
          question {
            id
            title
            answerCount
            community {
              id
              slug
              title
            }
            tags {
              id
              slug
            }
          }
        }
      }
    }
  }
`);

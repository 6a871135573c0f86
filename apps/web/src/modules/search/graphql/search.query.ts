import { graphql } from '../../../generated';

export const searchQuery = graphql(`
  query Search($query: String!, $filter: SearchFilter, $orderBy: SearchOrder, $first: Int, $after: String) {
    searchResults(query: $query, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      totalCountIsLowerBound
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ... on SearchHit {
            snippet
            matchingAnswerCount
            answer {
              id
            }
            question {
              id
              title
              answerCount
              score
              createdAt
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
          ... on PolicySectionHit {
            snippet
            isCurrentVersion
            section {
              anchor
              title
            }
            version {
              id
              version
              publishedOn
            }
            document {
              id
              slug
              title
            }
          }
        }
      }
    }
  }
`);

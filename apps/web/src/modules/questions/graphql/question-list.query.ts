import { graphql } from '../../../generated';

export const questionListQuery = graphql(`
  query QuestionList($filter: QuestionFilter, $orderBy: QuestionOrder, $first: Int, $after: String) {
    questions(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...QuestionSummary
        }
      }
    }
  }
`);

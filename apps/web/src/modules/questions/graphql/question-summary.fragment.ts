import { graphql } from '../../../generated';

export const questionSummaryFragment = graphql(`
  fragment QuestionSummary on Question {
    id
    title
    score
    answerCount
    viewCount
    createdAt
    lastActivityAt
    closedReason
    acceptedAnswer {
      id
    }
    author {
      id
      displayName
    }
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
`);

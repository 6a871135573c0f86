import { graphql } from '../../../generated';

export const questionDetailQuery = graphql(`
  query QuestionDetail($id: ID!) {
    question(id: $id) {
      id
      title
      body
      score
      viewerVote
      viewCount
      answerCount
      createdAt
      lastActivityAt
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
      acceptedAnswer {
        id
      }
      comments {
        ...CommentFields
      }
      revisions {
        ...PostRevisionFields
      }
      citations {
        ...CitationFields
      }
      answers {
        ...AnswerFields
      }
      ...QuestionModerationFields
    }
  }
`);

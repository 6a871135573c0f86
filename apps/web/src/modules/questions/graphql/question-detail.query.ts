import { graphql } from '../../../generated';

export const questionDetailQuery = graphql(`
  query QuestionDetail($id: ID!, $answersOffset: Int = 0) {
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
      # One more than a page shows (ANSWERS_PER_PAGE in answer-pages.tsx), to know whether there is a next page.
      answers(first: 31, offset: $answersOffset) {
        ...AnswerFields
      }
      ...QuestionModerationFields
    }
  }
`);

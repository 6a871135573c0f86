import { graphql } from '../../../generated';

export const answerFieldsFragment = graphql(`
  fragment AnswerFields on Answer {
    id
    body
    score
    viewerVote
    isAccepted
    createdAt
    author {
      id
      displayName
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
    moderation {
      ...PostModerationFields
    }
  }
`);

import { graphql } from '../../../generated';

export const editAnswerMutation = graphql(`
  mutation EditAnswer($input: EditAnswerInput!) {
    editAnswer(input: $input) {
      id
      body
      revisions {
        ...PostRevisionFields
      }
      # An author's edit of a hidden post asks for a review.
      moderation {
        ...PostModerationFields
      }
    }
  }
`);

import { graphql } from '../../../generated';

export const editQuestionMutation = graphql(`
  mutation EditQuestion($input: EditQuestionInput!) {
    editQuestion(input: $input) {
      id
      title
      body
      lastActivityAt
      tags {
        id
        slug
      }
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

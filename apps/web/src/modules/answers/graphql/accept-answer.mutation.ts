import { graphql } from '../../../generated';

// Accepting can move the mark from one answer to another, so we ask for every
// answer's isAccepted and let the normalised cache update all of them.
export const acceptAnswerMutation = graphql(`
  mutation AcceptAnswer($answerId: ID!) {
    acceptAnswer(answerId: $answerId) {
      id
      acceptedAnswer {
        id
      }
      answers {
        id
        isAccepted
      }
    }
  }
`);

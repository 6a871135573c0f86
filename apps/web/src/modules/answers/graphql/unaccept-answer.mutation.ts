import { graphql } from '../../../generated';

export const unacceptAnswerMutation = graphql(`
  mutation UnacceptAnswer($answerId: ID!) {
    unacceptAnswer(answerId: $answerId) {
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

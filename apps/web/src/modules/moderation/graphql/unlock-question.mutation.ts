import { graphql } from '../../../generated';

export const unlockQuestionMutation = graphql(`
  mutation UnlockQuestion($questionId: ID!) {
    unlockQuestion(questionId: $questionId) {
      ...QuestionModerationFields
    }
  }
`);

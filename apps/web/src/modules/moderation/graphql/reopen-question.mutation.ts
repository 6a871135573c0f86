import { graphql } from '../../../generated';

export const reopenQuestionMutation = graphql(`
  mutation ReopenQuestion($questionId: ID!) {
    reopenQuestion(questionId: $questionId) {
      ...QuestionModerationFields
    }
  }
`);

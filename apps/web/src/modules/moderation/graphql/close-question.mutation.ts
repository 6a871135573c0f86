import { graphql } from '../../../generated';

export const closeQuestionMutation = graphql(`
  mutation CloseQuestion($input: CloseQuestionInput!) {
    closeQuestion(input: $input) {
      ...QuestionModerationFields
    }
  }
`);

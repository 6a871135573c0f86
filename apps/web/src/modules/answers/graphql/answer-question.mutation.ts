import { graphql } from '../../../generated';

export const AnswerQuestionMutation = graphql(`
  mutation AnswerQuestion($input: AnswerQuestionInput!) {
    answerQuestion(input: $input) {
      ...AnswerFields
    }
  }
`);

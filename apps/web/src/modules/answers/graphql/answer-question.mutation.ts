import { graphql } from '../../../generated';

export const answerQuestionMutation = graphql(`
  mutation AnswerQuestion($input: AnswerQuestionInput!) {
    answerQuestion(input: $input) {
      ...AnswerFields
    }
  }
`);

import { graphql } from '../../../generated';

export const AskQuestionMutation = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      id
    }
  }
`);

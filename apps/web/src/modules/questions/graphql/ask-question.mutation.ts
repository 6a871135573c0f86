import { graphql } from '../../../generated';

export const askQuestionMutation = graphql(`
  mutation AskQuestion($input: AskQuestionInput!) {
    askQuestion(input: $input) {
      id
    }
  }
`);

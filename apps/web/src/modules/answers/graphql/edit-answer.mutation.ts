import { graphql } from '../../../generated';

export const EditAnswerMutation = graphql(`
  mutation EditAnswer($input: EditAnswerInput!) {
    editAnswer(input: $input) {
      id
      body
      revisions {
        ...PostRevisionFields
      }
    }
  }
`);

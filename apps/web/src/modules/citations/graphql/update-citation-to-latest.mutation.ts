import { graphql } from '../../../generated';

export const updateCitationToLatestMutation = graphql(`
  mutation UpdateCitationToLatest($answerId: ID!, $reference: String!) {
    updateCitationToLatest(answerId: $answerId, reference: $reference) {
      ...AnswerFields
    }
  }
`);

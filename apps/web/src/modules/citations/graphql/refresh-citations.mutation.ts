import { graphql } from '../../../generated';

export const refreshCitationsMutation = graphql(`
  mutation RefreshCitations($answerId: ID!) {
    refreshCitations(answerId: $answerId) {
      ...AnswerFields
    }
  }
`);

import { graphql } from '../../../generated';

export const resolveCitationsQuery = graphql(`
  query ResolveCitations($references: [String!]!) {
    resolveCitations(references: $references) {
      reference
      problem
      citation {
        ...CitationFields
      }
    }
  }
`);

import { graphql } from '../../../generated';

export const setAffiliationsMutation = graphql(`
  mutation SetAffiliations($input: [AffiliationInput!]!) {
    setAffiliations(input: $input) {
      id
      affiliations {
        role
        organisation {
          id
          slug
          name
        }
      }
    }
  }
`);

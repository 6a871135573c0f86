import { graphql } from '../../../generated';

/** Only the organisations the signed-in person may write policies for: the api asks the permission policy. */
export const authoringOrganisationsQuery = graphql(`
  query AuthoringOrganisations {
    organisations(viewerCanAuthorPolicies: true) {
      id
      slug
      name
    }
  }
`);

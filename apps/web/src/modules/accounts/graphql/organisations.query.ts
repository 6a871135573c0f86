import { graphql } from '../../../generated';

export const OrganisationsQuery = graphql(`
  query Organisations {
    organisations {
      id
      slug
      name
    }
  }
`);

import { graphql } from '../../../generated';

export const organisationsQuery = graphql(`
  query Organisations {
    organisations {
      id
      slug
      name
    }
  }
`);

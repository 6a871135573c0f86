import { graphql } from '../../../generated';

export const policyLibraryQuery = graphql(`
  query PolicyLibrary {
    policyDocuments {
      id
      slug
      title
      organisation {
        id
        slug
        name
      }
      latestVersion {
        id
        version
        publishedOn
      }
      adaptedFrom {
        id
        version
        document {
          id
          slug
          title
          organisation {
            id
            name
          }
        }
      }
    }
  }
`);

import { graphql } from '../../../generated';

// The picker lists every document with its versions' numbers; sections load per version.
export const citationPickerDocumentsQuery = graphql(`
  query CitationPickerDocuments {
    policyDocuments {
      id
      slug
      title
      organisation {
        id
        name
      }
      versions {
        id
        version
      }
      latestVersion {
        id
        version
      }
    }
  }
`);

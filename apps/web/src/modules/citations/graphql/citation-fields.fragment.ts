import { graphql } from '../../../generated';

export const citationFieldsFragment = graphql(`
  fragment CitationFields on Citation {
    id
    reference
    status
    latestReference
    document {
      id
      slug
      title
    }
    version {
      id
      version
    }
    section {
      anchor
      title
    }
    latestVersion {
      id
      version
    }
    changedIn {
      id
      version
    }
  }
`);

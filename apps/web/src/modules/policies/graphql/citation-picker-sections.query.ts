import { graphql } from '../../../generated';

export const citationPickerSectionsQuery = graphql(`
  query CitationPickerSections($slug: String!, $version: String!) {
    policyVersion(slug: $slug, version: $version) {
      id
      version
      sections {
        anchor
        title
        level
      }
    }
  }
`);

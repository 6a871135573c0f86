import { graphql } from '../../../generated';

export const policyVersionQuery = graphql(`
  query PolicyVersion($slug: String!, $version: String!) {
    policyVersion(slug: $slug, version: $version) {
      id
      version
      publishedOn
      summaryOfChanges
      licence
      supersededNotice
      contributors {
        name
        role
      }
      supersededBy {
        id
        version
      }
      latestVersion {
        id
        version
      }
      sections {
        ...PolicySectionFields
      }
    }
  }
`);

import { graphql } from '../../../generated';

// What the diff page needs to pick two versions; the document page's query also loads citations.
export const policyVersionListQuery = graphql(`
  query PolicyVersionList($slug: String!) {
    policyDocument(slug: $slug) {
      id
      slug
      title
      versions {
        id
        version
        publishedOn
      }
    }
  }
`);

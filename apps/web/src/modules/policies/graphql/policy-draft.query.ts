import { graphql } from '../../../generated';

export const policyDraftQuery = graphql(`
  query PolicyDraft($slug: String!) {
    policyDocument(slug: $slug) {
      id
      slug
      title
      canAuthor
      organisation {
        id
        slug
        name
      }
      latestVersion {
        id
        version
        markdown
        licence
        contributors {
          name
          role
        }
      }
      draft {
        ...PolicyDraftFields
      }
      citedBy {
        ...CitationFields
        question {
          id
          title
        }
        answer {
          id
          question {
            id
            title
          }
        }
      }
    }
  }
`);

import { graphql } from '../../../generated';

export const policyDocumentQuery = graphql(`
  query PolicyDocument($slug: String!) {
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
      versions {
        id
        version
        publishedOn
      }
      latestVersion {
        id
        version
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
      adaptations {
        id
        slug
        title
        organisation {
          id
          name
        }
        adaptedFrom {
          id
          version
        }
      }
      citedBy {
        ...CitationFields
        question {
          id
          title
        }
        answer {
          id
          author {
            id
            displayName
          }
          question {
            id
            title
          }
        }
      }
    }
  }
`);

import { graphql } from '../../../generated';

export const policyDraftFieldsFragment = graphql(`
  fragment PolicyDraftFields on PolicyDraft {
    markdown
    updatedAt
    citationsMadeStale {
      change
      citation {
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

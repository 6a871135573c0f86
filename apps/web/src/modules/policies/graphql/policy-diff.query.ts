import { graphql } from '../../../generated';

export const policyDiffQuery = graphql(`
  query PolicyDiff($slug: String!, $from: String!, $to: String!) {
    policyDiff(slug: $slug, from: $from, to: $to) {
      from {
        id
        version
        publishedOn
      }
      to {
        id
        version
        publishedOn
        summaryOfChanges
      }
      sections {
        anchor
        title
        change
        moved
        fromTitle
        fromBody
        fromParentAnchor
        toBody
        toParentAnchor
      }
    }
  }
`);

import { graphql } from '../../../generated';

export const CommunityDetailQuery = graphql(`
  query CommunityDetail($slug: String!) {
    community(slug: $slug) {
      ...CommunityFields
    }
  }
`);

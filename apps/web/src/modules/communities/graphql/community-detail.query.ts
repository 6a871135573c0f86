import { graphql } from '../../../generated';

export const communityDetailQuery = graphql(`
  query CommunityDetail($slug: String!) {
    community(slug: $slug) {
      ...CommunityFields
      viewerCanModerate
    }
  }
`);

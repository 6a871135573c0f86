import { graphql } from '../../../generated';

/** The community a moderation page is about, and whether the viewer may moderate it. */
export const moderatedCommunityQuery = graphql(`
  query ModeratedCommunity($slug: String!) {
    community(slug: $slug) {
      id
      slug
      title
      viewerCanModerate
    }
  }
`);

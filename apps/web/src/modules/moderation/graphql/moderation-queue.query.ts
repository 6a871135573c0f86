import { graphql } from '../../../generated';

export const moderationQueueQuery = graphql(`
  query ModerationQueue($communitySlug: String) {
    moderationQueue(communitySlug: $communitySlug) {
      postId
      kind
      excerpt
      visibility
      flagWeight
      reviewRequested
      question {
        id
        title
      }
      author {
        id
        displayName
      }
      community {
        id
        slug
        title
      }
      flags {
        id
        reason
        note
        status
        createdAt
        flagger {
          id
          displayName
        }
      }
    }
  }
`);

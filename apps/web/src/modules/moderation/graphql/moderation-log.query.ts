import { graphql } from '../../../generated';

export const moderationLogQuery = graphql(`
  query ModerationLog($communitySlug: String, $first: Int, $after: String) {
    moderationLog(communitySlug: $communitySlug, first: $first, after: $after) {
      nextCursor
      entries {
        id
        action
        subjectKind
        subjectId
        reason
        createdAt
        actor {
          id
          displayName
        }
        question {
          id
          title
        }
        subjectUser {
          id
          displayName
        }
        community {
          id
          slug
          title
        }
      }
    }
  }
`);

import { graphql } from '../../../generated';

/** What a question's banners, moderator controls and answer form need to know. */
export const questionModerationFieldsFragment = graphql(`
  fragment QuestionModerationFields on Question {
    id
    closedReason
    closedNote
    closedAt
    isLocked
    viewerCanAnswer
    duplicateOf {
      id
      title
    }
    moderation {
      ...PostModerationFields
    }
  }
`);

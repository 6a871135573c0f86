import { graphql } from '../../../generated';

export const postModerationFieldsFragment = graphql(`
  fragment PostModerationFields on PostModeration {
    visibility
    removalReason
    viewerHasFlagged
    viewerCanFlag
    viewerCanModerate
    viewerCanDelete
    viewerCanEdit
    reviewRequested
  }
`);

import { graphql } from '../../../generated';

/** The question a moderator pasted the link or id of, to confirm the duplicate's target. */
export const duplicateTargetQuery = graphql(`
  query DuplicateTarget($id: ID!) {
    question(id: $id) {
      id
      title
      community {
        id
        title
      }
    }
  }
`);

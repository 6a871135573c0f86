import { graphql } from '../../../generated';

export const followFieldsFragment = graphql(`
  fragment FollowFields on Follow {
    kind
    targetId
    label
  }
`);

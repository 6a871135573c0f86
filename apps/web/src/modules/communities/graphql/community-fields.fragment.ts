import { graphql } from '../../../generated';

export const communityFieldsFragment = graphql(`
  fragment CommunityFields on Community {
    id
    slug
    title
    description
    memberCount
    viewerIsMember
  }
`);

import { graphql } from '../../../generated';

export const CommunityFieldsFragment = graphql(`
  fragment CommunityFields on Community {
    id
    slug
    title
    description
    memberCount
    viewerIsMember
  }
`);

import { graphql } from '../../../generated';

export const communityListQuery = graphql(`
  query CommunityList {
    communities {
      ...CommunityFields
    }
  }
`);

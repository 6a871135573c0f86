import { graphql } from '../../../generated';

export const CommunityListQuery = graphql(`
  query CommunityList {
    communities {
      ...CommunityFields
    }
  }
`);

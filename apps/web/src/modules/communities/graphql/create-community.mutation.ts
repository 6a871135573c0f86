import { graphql } from '../../../generated';

export const createCommunityMutation = graphql(`
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      ...CommunityFields
    }
  }
`);

import { graphql } from '../../../generated';

export const CreateCommunityMutation = graphql(`
  mutation CreateCommunity($input: CreateCommunityInput!) {
    createCommunity(input: $input) {
      ...CommunityFields
    }
  }
`);

import { graphql } from '../../../generated';

export const publishPolicyVersionMutation = graphql(`
  mutation PublishPolicyVersion($input: PublishPolicyVersionInput!) {
    publishPolicyVersion(input: $input) {
      id
      version
      document {
        id
        slug
      }
    }
  }
`);

import { graphql } from '../../../generated';

export const createPolicyDocumentMutation = graphql(`
  mutation CreatePolicyDocument($input: CreatePolicyDocumentInput!) {
    createPolicyDocument(input: $input) {
      id
      slug
    }
  }
`);

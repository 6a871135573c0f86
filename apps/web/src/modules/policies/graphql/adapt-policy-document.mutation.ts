import { graphql } from '../../../generated';

export const adaptPolicyDocumentMutation = graphql(`
  mutation AdaptPolicyDocument($input: AdaptPolicyDocumentInput!) {
    adaptPolicyDocument(input: $input) {
      id
      slug
    }
  }
`);

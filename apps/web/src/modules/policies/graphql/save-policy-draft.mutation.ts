import { graphql } from '../../../generated';

export const savePolicyDraftMutation = graphql(`
  mutation SavePolicyDraft($input: SavePolicyDraftInput!) {
    savePolicyDraft(input: $input) {
      ...PolicyDraftFields
    }
  }
`);

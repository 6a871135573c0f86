import { graphql } from '../../../generated';

export const decideOrganisationRoleRequestMutation = graphql(`
  mutation DecideOrganisationRoleRequest($input: DecideOrganisationRoleRequestInput!) {
    decideOrganisationRoleRequest(input: $input) {
      id
      status
      decidedAt
      decisionNote
    }
  }
`);

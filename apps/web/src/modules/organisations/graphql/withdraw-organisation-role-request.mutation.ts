import { graphql } from '../../../generated';

export const withdrawOrganisationRoleRequestMutation = graphql(`
  mutation WithdrawOrganisationRoleRequest($requestId: ID!) {
    withdrawOrganisationRoleRequest(requestId: $requestId)
  }
`);

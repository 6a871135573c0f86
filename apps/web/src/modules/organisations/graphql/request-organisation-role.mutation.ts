import { graphql } from '../../../generated';

export const requestOrganisationRoleMutation = graphql(`
  mutation RequestOrganisationRole($input: RequestOrganisationRoleInput!) {
    requestOrganisationRole(input: $input)
  }
`);

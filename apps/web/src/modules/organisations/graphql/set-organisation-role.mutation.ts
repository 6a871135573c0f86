import { graphql } from '../../../generated';

export const setOrganisationRoleMutation = graphql(`
  mutation SetOrganisationRole($input: SetOrganisationRoleInput!) {
    setOrganisationRole(input: $input) {
      id
      members {
        role
        grantedAt
        user {
          id
          displayName
        }
      }
    }
  }
`);

import { graphql } from '../../../generated';

export const resetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      user {
        id
        displayName
      }
    }
  }
`);

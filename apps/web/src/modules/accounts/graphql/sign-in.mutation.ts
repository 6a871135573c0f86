import { graphql } from '../../../generated';

export const signInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      user {
        id
        displayName
      }
    }
  }
`);

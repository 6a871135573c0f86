import { graphql } from '../../../generated';

// The token in the payload is for API clients; the web app relies on the httpOnly
// session cookie the API sets, so we do not even ask for it.
export const signUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      user {
        id
        displayName
      }
    }
  }
`);

import { graphql } from '../../../generated';

export const deleteMyAccountMutation = graphql(`
  mutation DeleteMyAccount($password: String!, $removePosts: Boolean) {
    deleteMyAccount(password: $password, removePosts: $removePosts)
  }
`);

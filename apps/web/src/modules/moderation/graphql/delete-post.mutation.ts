import { graphql } from '../../../generated';

export const deletePostMutation = graphql(`
  mutation DeletePost($input: ModeratePostInput!) {
    deletePost(input: $input)
  }
`);

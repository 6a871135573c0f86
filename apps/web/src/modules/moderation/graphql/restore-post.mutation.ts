import { graphql } from '../../../generated';

export const restorePostMutation = graphql(`
  mutation RestorePost($postId: ID!) {
    restorePost(postId: $postId)
  }
`);

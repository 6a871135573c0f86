import { graphql } from '../../../generated';

export const hidePostMutation = graphql(`
  mutation HidePost($input: ModeratePostInput!) {
    hidePost(input: $input)
  }
`);

import { graphql } from '../../../generated';

export const flagPostMutation = graphql(`
  mutation FlagPost($input: FlagPostInput!) {
    flagPost(input: $input)
  }
`);

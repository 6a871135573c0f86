import { graphql } from '../../../generated';

// Returns only the post's new score; the caller writes score and viewerVote to the cache.
export const voteMutation = graphql(`
  mutation Vote($input: VoteInput!) {
    vote(input: $input)
  }
`);

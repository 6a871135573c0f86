import { graphql } from '../../../generated';

/** Questions whose title is like what a moderator typed, to pick a duplicate's target. */
export const duplicateCandidatesQuery = graphql(`
  query DuplicateCandidates($title: String!) {
    similarQuestions(title: $title, first: 8) {
      id
      title
      answerCount
      community {
        id
        title
      }
    }
  }
`);

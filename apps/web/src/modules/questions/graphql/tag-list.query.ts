import { graphql } from '../../../generated';

export const tagListQuery = graphql(`
  query TagList($first: Int) {
    tags(first: $first) {
      id
      slug
      questionCount
    }
  }
`);

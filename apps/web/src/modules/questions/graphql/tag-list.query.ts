import { graphql } from '../../../generated';

export const TagListQuery = graphql(`
  query TagList($first: Int) {
    tags(first: $first) {
      id
      slug
      questionCount
    }
  }
`);

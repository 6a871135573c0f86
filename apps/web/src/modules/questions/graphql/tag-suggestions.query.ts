import { graphql } from '../../../generated';

export const tagSuggestionsQuery = graphql(`
  query TagSuggestions($prefix: String!) {
    tags(prefix: $prefix, first: 8) {
      id
      slug
      questionCount
    }
  }
`);

import { graphql } from '../../../generated';

export const similarQuestionsQuery = graphql(`
  query SimilarQuestions($title: String!) {
    similarQuestions(title: $title, first: 5) {
      id
      title
      answerCount
      acceptedAnswer {
        id
      }
    }
  }
`);

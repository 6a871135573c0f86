import { graphql } from '../../../generated';

export const userProfileQuery = graphql(`
  query UserProfile($id: ID!) {
    user(id: $id) {
      id
      displayName
      createdAt
      suspendedUntil
      questionCount
      answerCount
      acceptedAnswerCount
      questions(first: 5) {
        id
        title
        createdAt
        answerCount
      }
      answers(first: 5) {
        id
        createdAt
        isAccepted
        question {
          id
          title
        }
      }
      organisationRoles {
        role
        organisation {
          id
          slug
          name
        }
      }
      affiliations {
        role
        organisation {
          id
          slug
          name
        }
      }
    }
  }
`);

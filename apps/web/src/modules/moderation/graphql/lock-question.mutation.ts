import { graphql } from '../../../generated';

export const lockQuestionMutation = graphql(`
  mutation LockQuestion($input: ModeratePostInput!) {
    lockQuestion(input: $input) {
      ...QuestionModerationFields
    }
  }
`);

import { graphql } from '../../../generated';

export const sendEmailConfirmationMutation = graphql(`
  mutation SendEmailConfirmation {
    sendEmailConfirmation
  }
`);

import { graphql } from '../../../generated';

export const sendMyDigestNowMutation = graphql(`
  mutation SendMyDigestNow {
    sendMyDigestNow
  }
`);

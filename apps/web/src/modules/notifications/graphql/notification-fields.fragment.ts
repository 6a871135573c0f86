import { graphql } from '../../../generated';

export const notificationFieldsFragment = graphql(`
  fragment NotificationFields on Notification {
    id
    kind
    message
    url
    read
    createdAt
  }
`);

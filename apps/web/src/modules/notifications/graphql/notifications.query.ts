import { graphql } from '../../../generated';

export const notificationsQuery = graphql(`
  query Notifications($unreadOnly: Boolean!, $first: Int!) {
    me {
      unreadNotificationCount
      notifications(unreadOnly: $unreadOnly, first: $first) {
        ...NotificationFields
      }
    }
  }
`);

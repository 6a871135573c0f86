import { graphql } from '../../../generated';

export const unreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    me {
      unreadNotificationCount
    }
  }
`);

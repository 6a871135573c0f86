import { graphql } from '../../../generated';

export const notificationSettingsQuery = graphql(`
  query NotificationSettings {
    me {
      email
      notificationSettings {
        ...NotificationSettingsFields
      }
      follows {
        ...FollowFields
      }
    }
  }
`);

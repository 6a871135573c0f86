import { graphql } from '../../../generated';

export const notificationSettingsFieldsFragment = graphql(`
  fragment NotificationSettingsFields on NotificationSettings {
    digestFrequency
    digestWeekday
    digestHour
    timeZone
    autoWatch
    emailConfirmedAt
  }
`);

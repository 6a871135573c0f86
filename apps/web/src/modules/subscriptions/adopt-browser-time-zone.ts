import type { ApolloClient } from '@apollo/client';
import { browserTimeZone } from './digest-settings';
import { notificationSettingsQuery } from './graphql/notification-settings.query';
import { updateNotificationSettingsMutation } from './graphql/update-notification-settings.mutation';

/**
 * A new account's digest hour should mean the reader's local hour, so right after sign-up
 * we store the browser's time zone in place of the api's default. Best effort: a failure
 * leaves the default, which the settings page shows and offers to change.
 */
export async function adoptBrowserTimeZone(client: ApolloClient): Promise<void> {
  const timeZone = browserTimeZone();
  if (!timeZone) return;
  try {
    const { data } = await client.query({ query: notificationSettingsQuery, fetchPolicy: 'network-only' });
    const settings = data?.me?.notificationSettings;
    if (!settings || settings.timeZone === timeZone) return;
    await client.mutate({
      mutation: updateNotificationSettingsMutation,
      variables: { input: { digestFrequency: settings.digestFrequency, digestWeekday: settings.digestWeekday, digestHour: settings.digestHour, timeZone, autoWatch: settings.autoWatch } },
    });
  } catch {
    // Keep the default; see above.
  }
}

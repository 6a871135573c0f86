import { NotificationSettingsPanel } from '../modules/subscriptions/notification-settings-form';

export function NotificationSettingsPage() {
  return (
    <div className="settings-page">
      <h1>Digest and follows</h1>
      <NotificationSettingsPanel />
    </div>
  );
}

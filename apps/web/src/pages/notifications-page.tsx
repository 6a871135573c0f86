import { NotificationList } from '../modules/notifications/notification-list';

export function NotificationsPage() {
  return (
    <div className="notifications-page">
      <h1>Notifications</h1>
      <NotificationList />
    </div>
  );
}

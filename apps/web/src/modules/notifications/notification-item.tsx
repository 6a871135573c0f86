import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import type { NotificationFieldsFragment } from '../../generated/graphql';
import { formatDateTime, formatRelative } from '../layout/format-date';
import { markNotificationsReadMutation } from './graphql/mark-notifications-read.mutation';
import { notificationPath } from './notification-path';

/** Opening a notification marks it read; so does its own button. */
export function NotificationItem({ notification }: { notification: NotificationFieldsFragment }) {
  const [markRead, { loading }] = useMutation(markNotificationsReadMutation, { refetchQueries: ['Notifications', 'UnreadNotificationCount'] });
  const read = () => {
    if (!notification.read) void markRead({ variables: { ids: [notification.id] } }).catch(() => undefined);
  };
  return (
    <li className={notification.read ? 'notification' : 'notification unread'} data-testid="notification" data-read={notification.read ? 'true' : 'false'}>
      <Link to={notificationPath(notification.url)} onClick={read}>
        {notification.message}
      </Link>
      <span className="muted">
        <time dateTime={notification.createdAt} title={formatDateTime(notification.createdAt)}>
          {formatRelative(notification.createdAt)}
        </time>
        {notification.read ? null : (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={read} disabled={loading} data-testid="mark-read">
              Mark read
            </button>
          </>
        )}
      </span>
    </li>
  );
}

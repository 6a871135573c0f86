import { useRef } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link } from 'react-router';
import type { NotificationFieldsFragment } from '../../generated/graphql';
import { formatDateTime, formatRelative } from '../layout/format-date';
import { markNotificationsReadMutation } from './graphql/mark-notifications-read.mutation';
import { notificationPath } from './notification-path';

/** Opening a notification marks it read; so does its own button. */
export function NotificationItem({ notification, onOpen }: { notification: NotificationFieldsFragment; onOpen?: () => void }) {
  const [markRead, { loading }] = useMutation(markNotificationsReadMutation, { refetchQueries: ['Notifications', 'UnreadNotificationCount'] });
  const link = useRef<HTMLAnchorElement>(null);
  const read = () => {
    if (!notification.read) void markRead({ variables: { ids: [notification.id] } }).catch(() => undefined);
  };
  async function markThisRead() {
    if (loading || notification.read) return;
    try {
      await markRead({ variables: { ids: [notification.id] } });
    } catch {
      return;
    }
    // The button goes once the notification is read: focus moves to the notification itself.
    link.current?.focus();
  }
  return (
    <li className={notification.read ? 'notification' : 'notification unread'} data-testid="notification" data-read={notification.read ? 'true' : 'false'}>
      <Link
        to={notificationPath(notification.url)}
        ref={link}
        onClick={() => {
          read();
          onOpen?.();
        }}
      >
        {notification.message}
      </Link>
      <span className="muted">
        <time dateTime={notification.createdAt} title={formatDateTime(notification.createdAt)}>
          {formatRelative(notification.createdAt)}
        </time>
        {notification.read ? null : (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => void markThisRead()} aria-disabled={loading} data-testid="mark-read">
              Mark read
            </button>
          </>
        )}
      </span>
    </li>
  );
}

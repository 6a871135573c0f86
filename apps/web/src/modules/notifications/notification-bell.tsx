import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { countLabel } from '../layout/count-label';
import { ModalDialog } from '../layout/modal-dialog';
import { ErrorState, LoadingState } from '../layout/states';
import { markNotificationsReadMutation } from './graphql/mark-notifications-read.mutation';
import { notificationsQuery } from './graphql/notifications.query';
import { unreadNotificationCountQuery } from './graphql/unread-notification-count.query';
import { NotificationItem } from './notification-item';
import { unreadBadgeText } from './notification-path';

const POLL_MS = 60_000;

/**
 * For a signed-in viewer: the unread count, and the latest notifications in a popover. The
 * popover is a modal dialog (focus moves in and stays until it closes; Escape or a click
 * outside closes it and focus returns to the bell).
 */
export function NotificationBell() {
  const { data } = useQuery(unreadNotificationCountQuery, { pollInterval: POLL_MS });
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const count = data?.me?.unreadNotificationCount ?? 0;
  const badge = unreadBadgeText(count);

  useEffect(() => setOpen(false), [location.pathname]);

  return (
    <div className="notification-bell">
      <button type="button" className="bell-button" aria-haspopup="dialog" aria-expanded={open} aria-label={`Notifications: ${countLabel(count, 'unread')}`} onClick={() => setOpen((current) => !current)} data-testid="notification-bell">
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" fill="currentColor" />
        </svg>
        {badge ? (
          <span className="bell-badge" data-testid="unread-count">
            {badge}
          </span>
        ) : null}
      </button>
      {open ? (
        <ModalDialog title="Notifications" onClose={() => setOpen(false)} className="bell-dropdown" lightDismiss testId="notification-dropdown">
          {/* Closing before the link's page opens, so that page's heading gets focus, not the bell. */}
          <NotificationDropdown onLeave={() => setOpen(false)} />
        </ModalDialog>
      ) : null}
    </div>
  );
}

function NotificationDropdown({ onLeave }: { onLeave: () => void }) {
  const { data, error } = useQuery(notificationsQuery, { variables: { unreadOnly: false, first: 6 }, fetchPolicy: 'network-only' });
  const [markRead, marking] = useMutation(markNotificationsReadMutation, { refetchQueries: ['Notifications', 'UnreadNotificationCount'], awaitRefetchQueries: true });
  const allLink = useRef<HTMLAnchorElement>(null);
  const me = data?.me;

  async function markAllRead() {
    if (marking.loading) return;
    try {
      await markRead({ variables: { ids: null } });
    } catch {
      return;
    }
    // The button has gone with the last unread notification; focus stays in the popover.
    allLink.current?.focus();
  }

  return (
    <>
      {error && !data ? <ErrorState error={error} title="Could not load notifications" /> : null}
      {!data && !error ? <LoadingState /> : null}
      {me ? (
        <>
          {me.notifications.length === 0 ? (
            <p className="muted">Nothing yet. Follow communities, tags, questions or policies to hear about them.</p>
          ) : (
            <ul className="notification-list compact">
              {me.notifications.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} onOpen={onLeave} />
              ))}
            </ul>
          )}
          <div className="row bell-footer">
            <Link to="/notifications" ref={allLink} onClick={onLeave} data-testid="all-notifications">
              All notifications
            </Link>
            {me.unreadNotificationCount > 0 ? (
              <button type="button" className="link-button" onClick={() => void markAllRead()} aria-disabled={marking.loading} data-testid="mark-all-read">
                Mark all read
              </button>
            ) : null}
            <Link to="/settings/notifications" onClick={onLeave}>
              Settings
            </Link>
          </div>
        </>
      ) : null}
    </>
  );
}

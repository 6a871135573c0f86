import { useEffect, useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { countLabel } from '../layout/count-label';
import { ErrorState, LoadingState } from '../layout/states';
import { markNotificationsReadMutation } from './graphql/mark-notifications-read.mutation';
import { notificationsQuery } from './graphql/notifications.query';
import { unreadNotificationCountQuery } from './graphql/unread-notification-count.query';
import { NotificationItem } from './notification-item';
import { unreadBadgeText } from './notification-path';

const POLL_MS = 60_000;

/** For a signed-in viewer: the unread count, and the latest notifications in a dropdown. */
export function NotificationBell() {
  const { data } = useQuery(unreadNotificationCountQuery, { pollInterval: POLL_MS, fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const container = useRef<HTMLDivElement>(null);
  const count = data?.me?.unreadNotificationCount ?? 0;
  const badge = unreadBadgeText(count);

  // Close on navigation and on a click or Escape outside the dropdown.
  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (container.current && !container.current.contains(event.target as Node)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Escape') setOpen(false);
    }
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [open]);

  return (
    <div className="notification-bell" ref={container}>
      <button type="button" className="bell-button" aria-expanded={open} aria-haspopup="true" aria-label={`Notifications: ${countLabel(count, 'unread')}`} onClick={() => setOpen((current) => !current)} data-testid="notification-bell">
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" fill="currentColor" />
        </svg>
        {badge ? (
          <span className="bell-badge" data-testid="unread-count">
            {badge}
          </span>
        ) : null}
      </button>
      {open ? <NotificationDropdown /> : null}
    </div>
  );
}

function NotificationDropdown() {
  const { data, error } = useQuery(notificationsQuery, { variables: { unreadOnly: false, first: 6 }, fetchPolicy: 'network-only' });
  const [markRead, marking] = useMutation(markNotificationsReadMutation, { refetchQueries: ['Notifications', 'UnreadNotificationCount'] });
  const me = data?.me;
  return (
    <div className="bell-dropdown" role="region" aria-label="Latest notifications" data-testid="notification-dropdown">
      {error && !data ? <ErrorState error={error} title="Could not load notifications" /> : null}
      {!data && !error ? <LoadingState /> : null}
      {me ? (
        <>
          {me.notifications.length === 0 ? (
            <p className="muted">Nothing yet. Follow communities, tags, questions or policies to hear about them.</p>
          ) : (
            <ul className="notification-list compact">
              {me.notifications.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} />
              ))}
            </ul>
          )}
          <div className="row bell-footer">
            <Link to="/notifications" data-testid="all-notifications">
              All notifications
            </Link>
            {me.unreadNotificationCount > 0 ? (
              <button type="button" className="link-button" onClick={() => void markRead({ variables: { ids: null } }).catch(() => undefined)} disabled={marking.loading} data-testid="mark-all-read">
                Mark all read
              </button>
            ) : null}
            <Link to="/settings/notifications">Settings</Link>
          </div>
        </>
      ) : null}
    </div>
  );
}

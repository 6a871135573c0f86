import { useRef, useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { summariseApiError } from '../api/api-error';
import { countLabel } from '../layout/count-label';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { markNotificationsReadMutation } from './graphql/mark-notifications-read.mutation';
import { notificationsQuery } from './graphql/notifications.query';
import { NotificationItem } from './notification-item';

const PAGE = 50;

export function NotificationList() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const { data, error } = useQuery(notificationsQuery, { variables: { unreadOnly, first: PAGE } });
  const [markRead, marking] = useMutation(markNotificationsReadMutation, { refetchQueries: ['Notifications', 'UnreadNotificationCount'], awaitRefetchQueries: true });
  const [message, setMessage] = useState<string | null>(null);
  const unreadTab = useRef<HTMLButtonElement>(null);

  if (error && !data) return <ErrorState error={error} title="Could not load notifications" />;
  if (!data) return <LoadingState />;
  if (!data.me) {
    return (
      <p className="card">
        <Link to="/signin?next=%2Fnotifications">Sign in</Link> to see your notifications.
      </p>
    );
  }
  const me = data.me;

  async function markAllRead() {
    if (marking.loading) return;
    setMessage(null);
    try {
      await markRead({ variables: { ids: null } });
    } catch (failure) {
      setMessage(summariseApiError(failure).message);
      return;
    }
    // The button goes with the last unread notification; "Unread (0)" beside it says it worked.
    unreadTab.current?.focus();
  }

  return (
    <div>
      <div className="row">
        <div className="tabs" role="group" aria-label="Show">
          <button type="button" className={unreadOnly ? 'tab' : 'tab active'} aria-pressed={!unreadOnly} onClick={() => setUnreadOnly(false)}>
            All
          </button>
          <button type="button" ref={unreadTab} className={unreadOnly ? 'tab active' : 'tab'} aria-pressed={unreadOnly} onClick={() => setUnreadOnly(true)} data-testid="unread-only">
            Unread ({me.unreadNotificationCount})
          </button>
        </div>
        {me.unreadNotificationCount > 0 ? (
          <button type="button" onClick={() => void markAllRead()} aria-disabled={marking.loading} data-testid="mark-all-read">
            {marking.loading ? 'Marking…' : `Mark ${countLabel(me.unreadNotificationCount, 'notification')} read`}
          </button>
        ) : null}
        <Link to="/settings/notifications">Digest and follow settings</Link>
      </div>
      {message ? (
        <p className="form-error" role="alert">
          {message}
        </p>
      ) : null}
      {me.notifications.length === 0 ? (
        <EmptyState>{unreadOnly ? 'No unread notifications.' : 'No notifications yet. Follow communities, tags, questions or policy documents to hear about them.'}</EmptyState>
      ) : (
        <ul className="notification-list" data-testid="notification-list">
          {me.notifications.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} />
          ))}
        </ul>
      )}
    </div>
  );
}

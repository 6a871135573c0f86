import { useLocation } from 'react-router';

/** A one-line message a page leaves for the next, e.g. after deleting an account: navigate(path, { state: { notice } }). */
export function FlashNotice() {
  const location = useLocation();
  const state: unknown = location.state;
  const notice = typeof state === 'object' && state !== null && 'notice' in state && typeof state.notice === 'string' ? state.notice : null;
  if (!notice) return null;
  return (
    <p className="notice" role="status" data-testid="flash-notice">
      {notice}
    </p>
  );
}

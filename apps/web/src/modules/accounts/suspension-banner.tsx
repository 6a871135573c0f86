import { suspensionNotice } from '../moderation/question-state';
import { useViewer } from './use-viewer';

/** On every page while the signed-in member is suspended: they can read, not post. */
export function SuspensionBanner() {
  const { viewer } = useViewer();
  const notice = suspensionNotice(viewer?.user.suspendedUntil);
  if (!notice) return null;
  return (
    <div className="status-banner suspended-banner" role="note" data-testid="suspended-banner">
      <p>{notice}</p>
    </div>
  );
}

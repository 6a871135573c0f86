import { useParams } from 'react-router';
import { ModerationQueue } from '../modules/moderation/moderation-queue';
import { ModerationScope } from '../modules/moderation/moderation-scope';

/** /moderation (site staff: every community) and /c/:slug/moderation (that community's moderators). */
export function ModerationQueuePage() {
  const { slug } = useParams();
  return (
    <ModerationScope key={slug ?? ''} communitySlug={slug ?? null} heading="Moderation queue">
      {({ communitySlug }) => <ModerationQueue communitySlug={communitySlug} />}
    </ModerationScope>
  );
}

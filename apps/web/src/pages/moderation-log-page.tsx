import { useParams, useSearchParams } from 'react-router';
import { ModerationLogView } from '../modules/moderation/moderation-log-view';
import { ModerationScope } from '../modules/moderation/moderation-scope';

/** /moderation/log and /c/:slug/moderation/log, a page at a time (?after=<cursor>). */
export function ModerationLogPage() {
  const { slug } = useParams();
  const [searchParams] = useSearchParams();
  const after = searchParams.get('after');
  return (
    <ModerationScope key={slug ?? ''} communitySlug={slug ?? null} heading="Moderation log">
      {({ communitySlug }) => <ModerationLogView communitySlug={communitySlug} after={after} olderPath={(cursor) => `?after=${encodeURIComponent(cursor)}`} />}
    </ModerationScope>
  );
}

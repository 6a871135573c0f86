import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { ModerationLogQuery } from '../../generated/graphql';
import { formatDateTime } from '../layout/format-date';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { moderationActionLabel, moderationSubjectPath } from './moderation-log';
import { moderationLogQuery } from './graphql/moderation-log.query';

type LogEntry = ModerationLogQuery['moderationLog']['entries'][number];

export const LOG_PAGE_SIZE = 50;

function subjectText(entry: LogEntry): string {
  switch (entry.subjectKind) {
    case 'USER':
      return entry.subjectUser?.displayName ?? 'a member';
    case 'QUESTION':
      return entry.question ? `question “${entry.question.title}”` : 'a question';
    default:
      return entry.question ? `${entry.subjectKind.toLowerCase()} on “${entry.question.title}”` : `a ${entry.subjectKind.toLowerCase()}`;
  }
}

/** One page of the log, newest first; `after` (from the URL) is the page's cursor. */
export function ModerationLogView({ communitySlug, after, olderPath }: { communitySlug: string | null; after: string | null; olderPath: (cursor: string) => string }) {
  const { data, error } = useQuery(moderationLogQuery, { variables: { communitySlug, first: LOG_PAGE_SIZE, after } });
  if (error && !data) return <ErrorState error={error} title="Could not load the moderation log" />;
  if (!data) return <LoadingState />;
  const { entries, nextCursor } = data.moderationLog;
  return (
    <>
      {entries.length === 0 ? (
        <EmptyState>{after ? 'No older entries.' : 'Nothing has been moderated here yet.'}</EmptyState>
      ) : (
        <ol className="log-entries" data-testid="moderation-log">
          {entries.map((entry) => {
            const path = moderationSubjectPath(entry);
            return (
              <li key={entry.id} className="log-entry" data-testid="log-entry" data-action={entry.action}>
                <p>
                  <strong data-testid="log-action">{moderationActionLabel(entry.action)}</strong>: {path ? <Link to={path}>{subjectText(entry)}</Link> : subjectText(entry)}
                </p>
                {entry.reason ? <p data-testid="log-reason">Reason: {entry.reason}</p> : null}
                <p className="muted">
                  {entry.actor ? (
                    <>
                      by <Link to={`/u/${entry.actor.id}`}>{entry.actor.displayName}</Link>
                    </>
                  ) : (
                    'by the community’s flags'
                  )}
                  {entry.community && !communitySlug ? <> in {entry.community.title}</> : null} · <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
                </p>
              </li>
            );
          })}
        </ol>
      )}
      <nav className="list-footer" aria-label="Log pages">
        {after ? <Link to="?">Newest entries</Link> : <span />}
        {nextCursor ? (
          <Link to={olderPath(nextCursor)} data-testid="log-older">
            Older entries
          </Link>
        ) : null}
      </nav>
    </>
  );
}

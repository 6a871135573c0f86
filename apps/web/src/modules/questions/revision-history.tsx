import { useState } from 'react';
import { useResolvedCitations } from '../citations/use-resolved-citations';
import { countLabel } from '../layout/count-label';
import type { PostRevisionFieldsFragment } from '../../generated/graphql';
import { formatDateTime } from '../layout/format-date';
import { MarkdownView } from '../markdown/markdown-view';
import { Link } from 'react-router';

/** Every revision of a post, newest first; the first one is the original. */
export function RevisionHistory({ revisions }: { revisions: ReadonlyArray<PostRevisionFieldsFragment> }) {
  const [open, setOpen] = useState(false);
  // Old wordings may cite what the post no longer does: resolved once the history is opened, all revisions in one request.
  const resolved = useResolvedCitations(
    revisions.map((revision) => revision.body),
    { skip: !open },
  );
  if (revisions.length === 0) return null;
  const newestFirst = [...revisions].sort((a, b) => b.editedAt.localeCompare(a.editedAt));
  return (
    <details className="revisions" data-testid="revision-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        Edit history ({countLabel(revisions.length, 'revision')})
      </summary>
      <ol reversed>
        {newestFirst.map((revision, index) => (
          <li key={`${revision.editedAt}-${index}`} className="revision" data-testid="revision">
            <p className="muted">
              <Link to={`/u/${revision.editedBy.id}`}>{revision.editedBy.displayName}</Link>, <time dateTime={revision.editedAt}>{formatDateTime(revision.editedAt)}</time>
            </p>
            {revision.title ? <p className="revision-title">{revision.title}</p> : null}
            <MarkdownView source={revision.body} citations={resolved.citations} problems={resolved.problems} />
          </li>
        ))}
      </ol>
    </details>
  );
}

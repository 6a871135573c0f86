import { useMemo, useState, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CitationFieldsFragment } from '../../generated/graphql';
import { citationsByReference } from '../citations/citation-chip';
import { useRendersServerHtml } from '../layout/use-renders-server-html';
import { renderMarkdown } from './render-markdown';

interface MarkdownViewProps {
  source: string;
  /** The post's resolved citations; `policy:` references become chips with their status. */
  citations?: readonly CitationFieldsFragment[];
  /** References that do not resolve (in an unsaved post), with why: shown as errors. */
  problems?: ReadonlyMap<string, string>;
  testId?: string;
}

export function MarkdownView({ source, citations, problems, testId }: MarkdownViewProps) {
  const navigate = useNavigate();
  // Hydrating a server-rendered page, the post's HTML is already in the page, made by this
  // same code: parsing and sanitising every post again would only block the reader's first
  // taps. React keeps the server's HTML while hydrating and leaves it until the post or
  // its citations change; then it is rendered here as usual.
  // (The server snapshot is also what the server itself renders with: there, always render.)
  const hydrating = useRendersServerHtml() && typeof document !== 'undefined';
  const [fromServer] = useState(() => ({ hydrated: hydrating, source, citations, problems }));
  const keepServerHtml = fromServer.hydrated && fromServer.source === source && fromServer.citations === citations && fromServer.problems === problems;
  const html = useMemo(
    () =>
      keepServerHtml
        ? null
        : renderMarkdown(source, { citations: citations ? citationsByReference(citations) : undefined, problems: problems && problems.size > 0 ? problems : undefined }),
    [keepServerHtml, source, citations, problems],
  );

  // Links to our own pages (citation chips, /q/… links in posts) are plain <a> in the
  // rendered HTML; route them through the router instead of reloading the app.
  function followInternalLink(event: MouseEvent<HTMLDivElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest('a');
    const href = link?.getAttribute('href');
    if (!href || !href.startsWith('/') || href.startsWith('//')) return;
    event.preventDefault();
    void navigate(href);
  }

  // renderMarkdown is the one place that produces HTML, and it sanitises.
  // While the server's HTML is kept, the prop stays the same empty string, so React never writes it.
  return <div className="markdown" data-testid={testId} onClick={followInternalLink} dangerouslySetInnerHTML={{ __html: html ?? '' }} suppressHydrationWarning />;
}

import { useMemo, type MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CitationFieldsFragment } from '../../generated/graphql';
import { citationsByReference } from '../citations/citation-chip';
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
  const html = useMemo(
    () => renderMarkdown(source, { citations: citations ? citationsByReference(citations) : undefined, problems: problems && problems.size > 0 ? problems : undefined }),
    [source, citations, problems],
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
  return <div className="markdown" data-testid={testId} onClick={followInternalLink} dangerouslySetInnerHTML={{ __html: html }} />;
}

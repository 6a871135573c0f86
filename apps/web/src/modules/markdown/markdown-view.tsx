import { useMemo } from 'react';
import { renderMarkdown } from './render-markdown';

interface MarkdownViewProps {
  source: string;
  testId?: string;
}

export function MarkdownView({ source, testId }: MarkdownViewProps) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  // renderMarkdown is the one place that produces HTML, and it sanitises.
  return <div className="markdown" data-testid={testId} dangerouslySetInnerHTML={{ __html: html }} />;
}

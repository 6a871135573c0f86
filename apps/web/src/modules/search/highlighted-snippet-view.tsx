import { parseHighlightedSnippet } from './highlighted-snippet';

export function HighlightedSnippetView({ snippet }: { snippet: string }) {
  return (
    <p className="snippet" data-testid="search-snippet">
      {parseHighlightedSnippet(snippet).map((part, index) => (part.highlighted ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
    </p>
  );
}

import { Link } from 'react-router';
import type { SearchQuery } from '../../generated/graphql';
import { policySectionPath } from '../citations/citation-chip';
import { countLabel } from '../layout/count-label';
import { formatDate, formatDateTime } from '../layout/format-date';
import { TagChips } from '../questions/tag-chips';
import { HighlightedSnippetView } from './highlighted-snippet-view';

export type SearchEdge = SearchQuery['searchResults']['edges'][number];
type Node = SearchEdge['node'];
type QuestionNode = Extract<Node, { __typename: 'SearchHit' }>;
type SectionNode = Extract<Node, { __typename: 'PolicySectionHit' }>;

/**
 * One list of results, questions and policy sections together, each saying what it is.
 * Each result's title is a level-3 heading under the page's "results" heading, so the
 * outline goes h1 → h2 → h3 without a gap.
 */
export function SearchResultList({ edges }: { edges: readonly SearchEdge[] }) {
  return (
    <ol className="search-results" data-testid="search-results">
      {edges.map(({ node, cursor }) =>
        node.__typename === 'SearchHit' ? <QuestionResult key={cursor} hit={node} /> : node.__typename === 'PolicySectionHit' ? <SectionResult key={cursor} hit={node} /> : null,
      )}
    </ol>
  );
}

function QuestionResult({ hit }: { hit: QuestionNode }) {
  const { question, answer } = hit;
  // Found through an answer only: the snippet is that answer's, and the link goes to it.
  const href = answer ? `/q/${question.id}#answer-${answer.id}` : `/q/${question.id}`;
  const alsoInAnswers = !answer && hit.matchingAnswerCount > 0;
  return (
    <li className="search-hit" data-testid="search-hit" data-kind="question">
      <p className="search-hit-kind">Question</p>
      <h3>
        <Link to={href}>{question.title}</Link>
      </h3>
      <HighlightedSnippetView snippet={hit.snippet} />
      <p className="muted search-hit-meta">
        {answer ? (
          <>
            <span data-testid="search-hit-source">
              Found in {hit.matchingAnswerCount > 1 ? `${hit.matchingAnswerCount} answers; this one best` : 'an answer'}
            </span>
            {' · '}
          </>
        ) : alsoInAnswers ? (
          <>
            <span data-testid="search-hit-source">Also found in {countLabel(hit.matchingAnswerCount, 'answer')}</span>
            {' · '}
          </>
        ) : null}
        <Link to={`/c/${question.community.slug}`}>{question.community.title}</Link> · {countLabel(question.answerCount, 'answer')} · {countLabel(question.score, 'vote')} · asked{' '}
        <time dateTime={question.createdAt}>{formatDateTime(question.createdAt)}</time>
      </p>
      <TagChips tags={question.tags} />
    </li>
  );
}

function SectionResult({ hit }: { hit: SectionNode }) {
  const { document, version, section } = hit;
  return (
    <li className="search-hit" data-testid="search-hit" data-kind="policy-section">
      <p className="search-hit-kind">Policy section</p>
      <h3>
        <Link to={policySectionPath(document.slug, version.version, section.anchor)}>
          {section.title}
          <span className="visually-hidden"> — {document.title}</span>
        </Link>
      </h3>
      <HighlightedSnippetView snippet={hit.snippet} />
      <p className="muted search-hit-meta">
        <Link to={`/policies/${encodeURIComponent(document.slug)}`}>{document.title}</Link> · version {version.version}
        {hit.isCurrentVersion ? null : (
          <>
            {' '}
            <span className="change-badge" data-testid="superseded-badge">
              superseded
            </span>
          </>
        )}{' '}
        · published <time dateTime={version.publishedOn}>{formatDate(version.publishedOn)}</time>
      </p>
    </li>
  );
}

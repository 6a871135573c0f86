import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { QuestionFilter, QuestionOrder, QuestionSummaryFragment } from '../../generated/graphql';
import { summariseApiError } from '../api/api-error';
import { formatDateTime, formatRelative } from '../layout/format-date';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { questionListQuery } from './graphql/question-list.query';
import { TagChips } from './tag-chips';
import { closeReasonLabel } from '../moderation/question-state';
import { countNoun } from '../layout/count-label';

interface QuestionListProps {
  filter?: QuestionFilter;
  orderBy?: QuestionOrder;
  pageSize?: number;
  emptyText?: string;
}

export function QuestionList({ filter, orderBy = 'NEWEST', pageSize = 20, emptyText = 'No questions yet.' }: QuestionListProps) {
  const { data, error, fetchMore } = useQuery(questionListQuery, { variables: { filter, orderBy, first: pageSize } });
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);

  if (error && !data) return <ErrorState error={error} title="Could not load questions" />;
  if (!data) return <LoadingState />;

  const { edges, pageInfo, totalCount } = data.questions;

  async function loadMore() {
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      await fetchMore({ variables: { after: pageInfo.endCursor } });
    } catch (failure) {
      setLoadMoreError(summariseApiError(failure).message);
    } finally {
      setLoadingMore(false);
    }
  }

  if (edges.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  return (
    <div>
      <ul className="question-list" data-testid="question-list">
        {edges.map((edge) => (
          <QuestionListItem key={edge.node.id} question={edge.node} orderBy={orderBy} />
        ))}
      </ul>
      <div className="list-footer">
        <span className="muted" data-testid="question-count">
          Showing {edges.length} of {totalCount}
        </span>
        {pageInfo.hasNextPage ? (
          <button type="button" onClick={() => void loadMore()} disabled={loadingMore} data-testid="load-more">
            {loadingMore ? 'Loading…' : 'Load more'}
          </button>
        ) : null}
        {loadMoreError ? (
          <span className="field-error" role="alert">
            {loadMoreError}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function QuestionListItem({ question, orderBy }: { question: QuestionSummaryFragment; orderBy: QuestionOrder }) {
  const time = orderBy === 'ACTIVE' ? question.lastActivityAt : question.createdAt;
  return (
    <li className="question-item" data-testid="question-item">
      <div className="question-stats" aria-label="Statistics">
        <span>
          <strong>{question.score}</strong> {countNoun(question.score, 'vote')}
        </span>
        <span className={question.acceptedAnswer ? 'answered accepted' : question.answerCount > 0 ? 'answered' : undefined}>
          <strong>{question.answerCount}</strong> {countNoun(question.answerCount, 'answer')}
        </span>
      </div>
      <div className="question-summary">
        <h3>
          <Link to={`/q/${question.id}`} data-testid="question-link">
            {question.title}
          </Link>
          {question.closedReason ? (
            <span className="badge badge-warn" data-testid="question-closed">
              closed: {closeReasonLabel(question.closedReason).toLowerCase()}
            </span>
          ) : null}
        </h3>
        <TagChips tags={question.tags} />
        <p className="muted">
          <Link to={`/c/${question.community.slug}`}>{question.community.title}</Link> · <Link to={`/u/${question.author.id}`}>{question.author.displayName}</Link> ·{' '}
          {orderBy === 'ACTIVE' ? 'active ' : 'asked '}
          <time dateTime={time} title={formatDateTime(time)}>
            {formatRelative(time)}
          </time>
        </p>
      </div>
    </li>
  );
}

import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useViewer } from '../accounts/use-viewer';
import { AnswerForm } from '../answers/answer-form';
import { AnswerView } from '../answers/answer-view';
import { CommentThread } from '../comments/comment-thread';
import { formatDateTime, formatRelative } from '../layout/format-date';
import { NotFound } from '../layout/not-found';
import { useScrollToHash } from '../layout/use-scroll-to-hash';
import { ErrorState, LoadingState } from '../layout/states';
import { MarkdownView } from '../markdown/markdown-view';
import { FollowButton } from '../subscriptions/follow-button';
import { orderAnswers } from './order-answers';
import { questionDetailQuery } from './graphql/question-detail.query';
import { QuestionEditForm } from './question-edit-form';
import { RevisionHistory } from './revision-history';
import { TagChips } from './tag-chips';
import { VoteButtons } from './vote-buttons';
import { countLabel } from '../layout/count-label';

export function QuestionDetail({ questionId }: { questionId: string }) {
  const { data, error } = useQuery(questionDetailQuery, { variables: { id: questionId } });
  const { viewer } = useViewer();
  const [editing, setEditing] = useState(false);
  useScrollToHash(Boolean(data?.question));

  if (error && !data) return <ErrorState error={error} title="Could not load this question" />;
  if (!data) return <LoadingState />;
  if (!data.question) return <NotFound what="question" />;

  const question = data.question;
  const viewerId = viewer?.user.id ?? null;
  const viewerIsAsker = viewerId === question.author.id;
  const answers = orderAnswers(question.answers);

  return (
    <div className="question-page">
      <p className="breadcrumb">
        <Link to={`/c/${question.community.slug}`}>{question.community.title}</Link>
      </p>
      <div className="title-row">
        <h1 data-testid="question-title">{question.title}</h1>
        <FollowButton kind="QUESTION" targetId={question.id} what="this question" />
      </div>
      <p className="muted">
        Asked by <Link to={`/u/${question.author.id}`}>{question.author.displayName}</Link>{' '}
        <time dateTime={question.createdAt} title={formatDateTime(question.createdAt)}>
          {formatRelative(question.createdAt)}
        </time>{' '}
        · active {formatRelative(question.lastActivityAt)} · viewed {countLabel(question.viewCount, 'time')}
      </p>
      <article className="post question" data-testid="question">
        <VoteButtons postType="Question" postId={question.id} score={question.score} viewerVote={question.viewerVote} />
        <div className="post-main">
          {editing ? (
            <QuestionEditForm questionId={question.id} title={question.title} body={question.body} tags={question.tags} onDone={() => setEditing(false)} />
          ) : (
            <MarkdownView source={question.body} citations={question.citations} testId="question-body" />
          )}
          <TagChips tags={question.tags} />
          <div className="post-meta">
            {viewerIsAsker && !editing ? (
              <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="edit-question">
                Edit
              </button>
            ) : null}
          </div>
          <RevisionHistory revisions={question.revisions} />
          <CommentThread postId={question.id} comments={question.comments} />
        </div>
      </article>

      <h2 data-testid="answer-count">
        {countLabel(question.answers.length, 'answer')}
      </h2>
      {viewerIsAsker && question.answers.length > 0 && !question.acceptedAnswer ? <p className="muted">Did one of these solve it? Accept it so others can find it.</p> : null}
      <div className="answers" data-testid="answers">
        {answers.map((answer) => (
          <AnswerView key={answer.id} answer={answer} viewerIsAsker={viewerIsAsker} viewerId={viewerId} />
        ))}
      </div>
      <AnswerForm questionId={question.id} />
    </div>
  );
}

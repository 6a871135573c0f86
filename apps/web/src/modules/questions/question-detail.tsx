import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import { useViewer } from '../accounts/use-viewer';
import { AnswerForm } from '../answers/answer-form';
import { AnswerView } from '../answers/answer-view';
import { CommentThread } from '../comments/comment-thread';
import { formatDateTime, formatRelative } from '../layout/format-date';
import { PermanentRedirect } from '../layout/http-status';
import { NotFound } from '../layout/not-found';
import { useScrollToHash } from '../layout/use-scroll-to-hash';
import { ErrorState, LoadingState } from '../layout/states';
import { MarkdownView } from '../markdown/markdown-view';
import { canReadRemovedPost, PostModerationControls, PostRemovalNotice } from '../moderation/post-moderation';
import { QuestionBanners, QuestionModerationControls } from '../moderation/question-moderation';
import { answerFormState } from '../moderation/question-state';
import { FollowButton } from '../subscriptions/follow-button';
import { orderAnswers } from './order-answers';
import { AnswerPages, ANSWERS_PER_PAGE, answersPageOf } from './answer-pages';
import { questionPath } from '../seo/structured-data';
import { questionDetailQuery } from './graphql/question-detail.query';
import { QuestionEditForm } from './question-edit-form';
import { RevisionHistory } from './revision-history';
import { TagChips } from './tag-chips';
import { VoteButtons } from './vote-buttons';
import { countLabel } from '../layout/count-label';
import { PageTitle } from '../layout/page-title';
import { QuestionPageMeta } from './question-page-meta';

export function QuestionDetail({ questionId }: { questionId: string }) {
  const page = answersPageOf(useSearchParams()[0].get('page'));
  const { data, error } = useQuery(questionDetailQuery, {
    variables: { id: questionId, answersOffset: ((page ?? 1) - 1) * ANSWERS_PER_PAGE },
    skip: page === null,
  });
  const { viewer } = useViewer();
  const [editing, setEditing] = useState(false);
  useScrollToHash(Boolean(data?.question));

  if (page === null) return <PermanentRedirect to={questionPath(questionId)} />;
  if (error && !data) return <ErrorState error={error} title="Could not load this question" />;
  if (!data) return <LoadingState />;
  if (!data.question) return <NotFound what="question" />;
  // A page of answers past the last one.
  if (page > 1 && data.question.answers.length === 0) return <NotFound what="page of answers" />;

  const question = { ...data.question, answers: data.question.answers.slice(0, ANSWERS_PER_PAGE) };
  const hasMoreAnswers = data.question.answers.length > ANSWERS_PER_PAGE;
  const pageCount = Math.max(page + (hasMoreAnswers ? 1 : 0), Math.ceil(question.answerCount / ANSWERS_PER_PAGE));
  const viewerId = viewer?.user.id ?? null;
  const viewerIsAsker = viewerId === question.author.id;
  const answers = orderAnswers(question.answers);
  const bodyReadable = canReadRemovedPost(question.moderation, viewerIsAsker);
  const answerForm = answerFormState(question, viewer ? { suspendedUntil: viewer.user.suspendedUntil } : null);

  return (
    <div className="question-page">
      <PageTitle title={question.title} />
      <QuestionPageMeta question={question} page={page} />
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
      <QuestionBanners question={question} />
      <article className="post question" data-testid="question" data-visibility={question.moderation.visibility}>
        {bodyReadable ? <VoteButtons postType="Question" postId={question.id} score={question.score} viewerVote={question.viewerVote} authorId={question.author.id} /> : null}
        <div className="post-main">
          <PostRemovalNotice noun="question" moderation={question.moderation} viewerIsAuthor={viewerIsAsker} />
          {editing ? (
            <QuestionEditForm questionId={question.id} title={question.title} body={question.body} tags={question.tags} onDone={() => setEditing(false)} />
          ) : bodyReadable ? (
            <MarkdownView source={question.body} citations={question.citations} testId="question-body" />
          ) : null}
          <TagChips tags={question.tags} />
          <div className="post-meta">
            {viewerIsAsker && question.moderation.viewerCanEdit && !editing ? (
              <button type="button" className="link-button" onClick={() => setEditing(true)} data-testid="edit-question">
                Edit
              </button>
            ) : null}
            <PostModerationControls postId={question.id} noun="question" moderation={question.moderation} viewerIsAuthor={viewerIsAsker} />
            <QuestionModerationControls question={question} />
          </div>
          {bodyReadable ? <RevisionHistory revisions={question.revisions} /> : null}
          <CommentThread postId={question.id} comments={question.comments} locked={question.isLocked || question.moderation.visibility !== 'VISIBLE'} />
        </div>
      </article>

      <h2 data-testid="answer-count">
        {pageCount > 1 ? `${countLabel(question.answerCount, 'answer')}, page ${page} of ${pageCount}` : countLabel(question.answers.length, 'answer')}
      </h2>
      {viewerIsAsker && question.answers.length > 0 && !question.acceptedAnswer ? <p className="muted">Did one of these solve it? Accept it so others can find it.</p> : null}
      <div className="answers" data-testid="answers">
        {answers.map((answer) => (
          <AnswerView key={answer.id} answer={answer} viewerIsAsker={viewerIsAsker} viewerId={viewerId} commentsLocked={question.isLocked} />
        ))}
      </div>
      <AnswerPages questionPath={questionPath(question.id)} page={page} pageCount={pageCount} />
      {answerForm.kind === 'closed' ? (
        <p className="card muted" data-testid="answer-form-closed">
          {answerForm.message}
        </p>
      ) : (
        <AnswerForm questionId={question.id} />
      )}
    </div>
  );
}

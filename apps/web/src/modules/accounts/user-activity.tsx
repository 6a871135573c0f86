import { Link } from 'react-router';
import type { UserProfileQuery } from '../../generated/graphql';
import { countLabel } from '../layout/count-label';
import { formatDate, formatDateTime, formatRelative } from '../layout/format-date';

type ProfileUser = NonNullable<UserProfileQuery['user']>;

/** "Member since 12 July 2012 · 3 questions · 5 answers (2 accepted)". */
export function activitySummary(user: Pick<ProfileUser, 'createdAt' | 'questionCount' | 'answerCount' | 'acceptedAnswerCount'>): string {
  const answers = `${countLabel(user.answerCount, 'answer')}${user.acceptedAnswerCount > 0 ? ` (${user.acceptedAnswerCount} accepted)` : ''}`;
  return `Member since ${formatDate(user.createdAt)} · ${countLabel(user.questionCount, 'question')} · ${answers}`;
}

/** What a person has asked and answered lately, with when they joined and how much: what a forum profile is for. */
export function UserActivity({ user }: { user: ProfileUser }) {
  return (
    <>
      <p className="muted" data-testid="profile-activity-summary">
        {activitySummary(user)}
      </p>
      <div className="profile-activity">
        <section aria-labelledby="profile-questions-heading">
          <h2 id="profile-questions-heading">Recent questions</h2>
          {user.questions.length === 0 ? (
            <p className="muted">No questions yet.</p>
          ) : (
            <ul className="activity-list" data-testid="profile-questions">
              {user.questions.map((question) => (
                <li key={question.id}>
                  <Link to={`/q/${question.id}`}>{question.title}</Link>{' '}
                  <span className="muted">
                    · {countLabel(question.answerCount, 'answer')} ·{' '}
                    <time dateTime={question.createdAt} title={formatDateTime(question.createdAt)}>
                      {formatRelative(question.createdAt)}
                    </time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="profile-answers-heading">
          <h2 id="profile-answers-heading">Recent answers</h2>
          {user.answers.length === 0 ? (
            <p className="muted">No answers yet.</p>
          ) : (
            <ul className="activity-list" data-testid="profile-answers">
              {user.answers.map((answer) => (
                <li key={answer.id}>
                  <Link to={`/q/${answer.question.id}#answer-${answer.id}`}>{answer.question.title}</Link>{' '}
                  <span className="muted">
                    {answer.isAccepted ? '· accepted ' : ''}·{' '}
                    <time dateTime={answer.createdAt} title={formatDateTime(answer.createdAt)}>
                      {formatRelative(answer.createdAt)}
                    </time>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

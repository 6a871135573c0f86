import { useQuery, skipToken } from '@apollo/client/react';
import { Link } from 'react-router';
import { useDebouncedValue } from '../layout/use-debounced-value';
import { similarQuestionsQuery } from './graphql/similar-questions.query';
import { countLabel } from '../layout/count-label';

const MIN_TITLE_LENGTH = 8;

/** While the asker types a title, questions that may already answer it. */
export function SimilarQuestions({ title }: { title: string }) {
  const debouncedTitle = useDebouncedValue(title.trim(), 400);
  const { data } = useQuery(similarQuestionsQuery, debouncedTitle.length >= MIN_TITLE_LENGTH ? { variables: { title: debouncedTitle }, fetchPolicy: 'cache-first' } : skipToken);
  const questions = debouncedTitle.length >= MIN_TITLE_LENGTH ? (data?.similarQuestions ?? []) : [];
  if (questions.length === 0) return null;
  return (
    <aside className="similar" data-testid="similar-questions" aria-live="polite">
      <p>
        <strong>Similar questions</strong>: maybe one of these already has your answer.
      </p>
      <ul>
        {questions.map((question) => (
          <li key={question.id}>
            <Link to={`/q/${question.id}`} target="_blank" rel="noopener">
              {question.title}
            </Link>{' '}
            <span className="muted">
              {countLabel(question.answerCount, 'answer')}{question.acceptedAnswer ? ', one accepted' : ''}
            </span>
          </li>
        ))}
      </ul>
    </aside>
  );
}

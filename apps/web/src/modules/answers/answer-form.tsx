import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Link, useLocation } from 'react-router';
import { summariseApiError } from '../api/api-error';
import { useFieldErrors } from '../api/use-field-errors';
import { useViewer } from '../accounts/use-viewer';
import { moveFocusTo } from '../layout/move-focus';
import { FieldError, FormError } from '../layout/states';
import { MarkdownEditor } from '../markdown/markdown-editor';
import { answerQuestionMutation } from './graphql/answer-question.mutation';

export function AnswerForm({ questionId }: { questionId: string }) {
  const { viewer } = useViewer();
  const location = useLocation();
  const [answerQuestion, { loading }] = useMutation(answerQuestionMutation, { refetchQueries: ['QuestionDetail'], awaitRefetchQueries: true });
  const [body, setBody] = useState('');
  const { failure, refuse, errorFor } = useFieldErrors({ body: body.trim() });

  if (!viewer) {
    return (
      <p className="card muted">
        <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>Sign in</Link> to answer this question.
      </p>
    );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    refuse(null);
    try {
      const result = await answerQuestion({ variables: { input: { questionId, body: body.trim() } } });
      setBody('');
      // The emptied form's button is disabled: focus goes to the answer just posted, as it reads now.
      const posted = result.data?.answerQuestion.id;
      if (posted) requestAnimationFrame(() => moveFocusTo(document.getElementById(`answer-${posted}`)));
    } catch (error) {
      refuse(summariseApiError(error));
    }
  }

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="answer-form">
      <h2>Your answer</h2>
      <FormError summary={failure} />
      <MarkdownEditor label="Answer (Markdown)" citations value={body} onChange={setBody} rows={8} testId="answer-body" error={errorFor('body')} />
      <button type="submit" className="primary" disabled={loading || body.trim() === ''} data-testid="answer-submit">
        {loading ? 'Posting…' : 'Post your answer'}
      </button>
      <FieldError id="answer-question-error" message={failure?.fieldErrors.questionId} />
    </form>
  );
}

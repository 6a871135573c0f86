import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { summariseApiError } from '../api/api-error';
import { useFieldErrors } from '../api/use-field-errors';
import { FormError } from '../layout/states';
import { MarkdownEditor } from '../markdown/markdown-editor';
import { editAnswerMutation } from './graphql/edit-answer.mutation';

export function AnswerEditForm({ answerId, body: initialBody, onDone }: { answerId: string; body: string; onDone: () => void }) {
  const [editAnswer, { loading }] = useMutation(editAnswerMutation);
  const [body, setBody] = useState(initialBody);
  const { failure, refuse, errorFor } = useFieldErrors({ body: body.trim() });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    refuse(null);
    try {
      await editAnswer({ variables: { input: { answerId, body: body.trim() } } });
      onDone();
    } catch (error) {
      refuse(summariseApiError(error));
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} data-testid="answer-edit-form">
      <FormError summary={failure} />
      <MarkdownEditor label="Answer (Markdown)" citations value={body} onChange={setBody} rows={8} error={errorFor('body')} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading || body.trim() === ''}>
          {loading ? 'Saving…' : 'Save edit'}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

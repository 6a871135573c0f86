import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { FieldError, FormError } from '../layout/states';
import { MarkdownEditor } from '../markdown/markdown-editor';
import { editQuestionMutation } from './graphql/edit-question.mutation';
import { parseTags } from './tag-input';

interface QuestionEditFormProps {
  questionId: string;
  title: string;
  body: string;
  tags: ReadonlyArray<{ slug: string }>;
  onDone: () => void;
}

export function QuestionEditForm({ questionId, title: initialTitle, body: initialBody, tags: initialTags, onDone }: QuestionEditFormProps) {
  const [editQuestion, { loading }] = useMutation(editQuestionMutation);
  const [title, setTitle] = useState(initialTitle);
  const [body, setBody] = useState(initialBody);
  const [tagText, setTagText] = useState(initialTags.map((tag) => tag.slug).join(' '));
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const parsedTags = parseTags(tagText);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (parsedTags.error) return;
    setFailure(null);
    try {
      await editQuestion({ variables: { input: { questionId, title: title.trim(), body: body.trim(), tags: parsedTags.tags } } });
      onDone();
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="question-edit-form">
      <h2>Edit question</h2>
      <FormError summary={failure} />
      <label>
        Title
        <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} required />
        <FieldError id="edit-title-error" message={failure?.fieldErrors.title} />
      </label>
      <MarkdownEditor label="Body (Markdown)" citations value={body} onChange={setBody} error={failure?.fieldErrors.body} />
      <label>
        Tags
        <input type="text" value={tagText} onChange={(event) => setTagText(event.target.value)} />
        <FieldError id="edit-tags-error" message={parsedTags.error ?? failure?.fieldErrors.tags} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={loading || parsedTags.error !== null}>
          {loading ? 'Saving…' : 'Save edit'}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

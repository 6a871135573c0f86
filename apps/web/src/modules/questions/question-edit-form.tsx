import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { summariseApiError } from '../api/api-error';
import { useFieldErrors } from '../api/use-field-errors';
import { FormError } from '../layout/states';
import { MarkdownEditor } from '../markdown/markdown-editor';
import { editQuestionMutation } from './graphql/edit-question.mutation';
import { TagField } from './tag-field';
import { parseTags } from './tag-input';
import { TitleField } from './title-field';

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
  const [tagText, setTagText] = useState(initialTags.map((tag) => tag.slug).join(', '));
  const parsedTags = parseTags(tagText);
  const { failure, refuse, errorFor } = useFieldErrors({ title: title.trim(), body: body.trim(), tags: parsedTags.tags });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (parsedTags.error) return;
    refuse(null);
    try {
      await editQuestion({ variables: { input: { questionId, title: title.trim(), body: body.trim(), tags: parsedTags.tags } } });
      onDone();
    } catch (error) {
      refuse(summariseApiError(error));
    }
  }

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="question-edit-form">
      <h2>Edit question</h2>
      <FormError summary={failure} />
      <TitleField value={title} onChange={setTitle} error={errorFor('title')} />
      <MarkdownEditor label="Body (Markdown)" citations value={body} onChange={setBody} error={errorFor('body')} />
      <TagField value={tagText} onChange={setTagText} error={parsedTags.error ?? errorFor('tags')} />
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

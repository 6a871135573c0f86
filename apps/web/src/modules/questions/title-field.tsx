import { useId } from 'react';
import { FieldError } from '../layout/states';

/** As the api's AskQuestionInput and EditQuestionInput allow. */
export const TITLE_MIN_LENGTH = 10;
export const TITLE_MAX_LENGTH = 200;

/** "37 of 200 characters", and how many more a short title needs. */
export function titleCountText(length: number): string {
  const count = `${length} of ${TITLE_MAX_LENGTH} characters`;
  return length < TITLE_MIN_LENGTH ? `${count}; at least ${TITLE_MIN_LENGTH}` : count;
}

interface TitleFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  placeholder?: string;
  testId?: string;
}

/** A question's title, limited as the api limits it, with a counter so the limit is never a surprise. */
export function TitleField({ value, onChange, error, placeholder, testId }: TitleFieldProps) {
  const id = useId();
  return (
    <div className="title-field">
      <label htmlFor={id}>Title</label>
      <input
        id={id}
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        required
        maxLength={TITLE_MAX_LENGTH}
        placeholder={placeholder}
        aria-describedby={`${id}-count ${id}-error`}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
      />
      <span id={`${id}-count`} className={value.length >= TITLE_MAX_LENGTH ? 'hint character-count at-limit' : 'hint character-count'} data-testid="title-count">
        {titleCountText(value.length)}
      </span>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

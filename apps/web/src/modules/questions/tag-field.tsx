import { useId } from 'react';
import { useQuery } from '@apollo/client/react';
import { useDebouncedValue } from '../layout/use-debounced-value';
import { FieldError } from '../layout/states';
import { tagSuggestionsQuery } from './graphql/tag-suggestions.query';
import { MAX_TAGS, parseTags, tagBeingTyped, tagSlugOf } from './tag-input';

interface TagFieldProps {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  onBlur?: () => void;
  testId?: string;
}

/**
 * Tags as typed, separated by commas, with what each will be saved as and suggestions of
 * existing tags for the one being typed (a datalist: the browser's own list, and Enter
 * still sends the form).
 */
export function TagField({ value, onChange, error, onBlur, testId }: TagFieldProps) {
  const id = useId();
  const { before, typing } = tagBeingTyped(value);
  const prefix = useDebouncedValue(tagSlugOf(typing), 250);
  const { data } = useQuery(tagSuggestionsQuery, { variables: { prefix }, skip: prefix === '' });
  const { tags } = parseTags(value);
  const chosen = new Set(parseTags(before).tags);
  const suggestions = (data?.tags ?? []).filter((tag) => !chosen.has(tag.slug));

  return (
    <div className="tag-field">
      <label htmlFor={id}>Tags</label>
      <input
        id={id}
        type="text"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
        list={`${id}-suggestions`}
        autoComplete="off"
        placeholder="e.g. social media, parish councils"
        aria-describedby={`${id}-hint ${id}-saved-as ${id}-error`}
        aria-invalid={error ? true : undefined}
        data-testid={testId}
      />
      <datalist id={`${id}-suggestions`} data-testid="tag-suggestions">
        {suggestions.map((tag) => (
          <option key={tag.id} value={`${before}${tag.slug}`} label={`${tag.slug} (${tag.questionCount})`} />
        ))}
      </datalist>
      <span id={`${id}-hint`} className="hint">
        1 to {MAX_TAGS} tags, separated by commas. Capitals and spaces are fine: “Parish Councils” is saved as parish-councils.
      </span>
      <p id={`${id}-saved-as`} className="hint tag-saved-as" data-testid="tags-saved-as">
        {tags.length > 0 ? (
          <>
            Saved as:{' '}
            {tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </>
        ) : null}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

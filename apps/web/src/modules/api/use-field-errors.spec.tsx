import { act, renderHook } from '@testing-library/react';
import type { ApiErrorSummary } from './api-error';
import { useFieldErrors } from './use-field-errors';

const refusal: ApiErrorSummary = {
  message: 'Title must be 10 to 200 characters.\nGive between 1 and 5 tags.',
  formMessage: null,
  fieldErrors: { title: 'Title must be 10 to 200 characters.', tags: 'Give between 1 and 5 tags.' },
  code: 'BAD_USER_INPUT',
};

describe('useFieldErrors', () => {
  it('clears an error once its field changes, and keeps the others', () => {
    const { result, rerender } = renderHook((values: { title: string; tags: string[] }) => useFieldErrors(values), { initialProps: { title: 'Short', tags: [] as string[] } });
    act(() => result.current.refuse(refusal));
    expect(result.current.errorFor('title')).toBe('Title must be 10 to 200 characters.');
    expect(result.current.errorFor('tags')).toBe('Give between 1 and 5 tags.');

    rerender({ title: 'A longer title now', tags: [] });
    expect(result.current.errorFor('title')).toBeUndefined();
    expect(result.current.errorFor('tags')).toBe('Give between 1 and 5 tags.');

    // Changing it back to what was refused brings the error back: it would be refused again.
    rerender({ title: 'Short', tags: ['social-media'] });
    expect(result.current.errorFor('title')).toBe('Title must be 10 to 200 characters.');
    expect(result.current.errorFor('tags')).toBeUndefined();

    act(() => result.current.refuse(null));
    expect(result.current.errorFor('title')).toBeUndefined();
    expect(result.current.failure).toBeNull();
  });
});

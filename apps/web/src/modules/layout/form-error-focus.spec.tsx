import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState, type FormEvent } from 'react';
import { useFormErrorFocus } from './form-error-focus';
import { FieldError, FormError } from './states';

/** A form that the "server" refuses: for its title, or as a whole. */
function RefusedForm({ refusal }: { refusal: 'title' | 'form' }) {
  useFormErrorFocus();
  const [failed, setFailed] = useState(false);
  function submit(event: FormEvent) {
    event.preventDefault();
    setTimeout(() => setFailed(true), 10);
  }
  return (
    <form onSubmit={submit}>
      <FormError summary={failed && refusal === 'form' ? { message: 'That email and password do not match an account.', formMessage: 'That email and password do not match an account.', fieldErrors: {}, code: 'BAD_USER_INPUT' } : null} />
      <label>
        Community
        <input name="community" />
      </label>
      <label>
        Title
        <input name="title" aria-describedby="title-error" />
        <FieldError id="title-error" message={failed && refusal === 'title' ? 'Give the question a title.' : null} />
      </label>
      <button type="submit">Post</button>
    </form>
  );
}

// jsdom lays nothing out; an element "is shown" when it has a box.
beforeAll(() => {
  Element.prototype.getClientRects = function getClientRects(this: Element) {
    return [{}] as unknown as DOMRectList;
  };
});

describe('useFormErrorFocus', () => {
  it('moves focus to the first field in error after a refused submit', async () => {
    render(<RefusedForm refusal="title" />);
    screen.getByText('Post').focus();
    fireEvent.submit(screen.getByText('Post').closest('form') as HTMLFormElement);
    await waitFor(() => expect(document.activeElement?.getAttribute('name')).toBe('title'));
  });

  it('moves focus to the form’s message when no field is to blame', async () => {
    render(<RefusedForm refusal="form" />);
    fireEvent.submit(screen.getByText('Post').closest('form') as HTMLFormElement);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('form-error')));
  });

  it('leaves someone who is typing again where they are', async () => {
    render(<RefusedForm refusal="title" />);
    const community = screen.getByLabelText('Community');
    fireEvent.submit(community.closest('form') as HTMLFormElement);
    community.focus();
    fireEvent.input(community, { target: { value: 'C' } });
    await screen.findByText('Give the question a title.');
    expect(document.activeElement).toBe(community);
  });
});

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { useFocusRecovery } from './focus-recovery';

/** A button that disables itself while its request runs, and one that is replaced once it has worked. */
function Post() {
  useFocusRecovery('the same page');
  const [saving, setSaving] = useState(false);
  const [accepted, setAccepted] = useState(false);
  return (
    <article data-testid="post">
      <button
        type="button"
        disabled={saving}
        onClick={() => {
          setSaving(true);
          setTimeout(() => setSaving(false), 20);
        }}
      >
        Save
      </button>
      <div data-testid="meta">{accepted ? <p>Accepted answer</p> : <button type="button" onClick={() => setTimeout(() => setAccepted(true), 20)}>Accept</button>}</div>
    </article>
  );
}

describe('useFocusRecovery', () => {
  it('gives focus back to a button that disabled itself while it worked', async () => {
    render(<Post />);
    const save = screen.getByText('Save');
    act(() => save.focus());
    fireEvent.click(save);
    // jsdom, like a browser, leaves a disabled element without focus.
    act(() => save.blur());
    await waitFor(() => expect(document.activeElement).toBe(save));
  });

  it('moves focus to what is left of the place when the focused control is replaced', async () => {
    render(<Post />);
    const accept = screen.getByText('Accept');
    act(() => accept.focus());
    fireEvent.click(accept);
    await screen.findByText('Accepted answer');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('meta')));
  });

  it('does nothing when someone moved focus away themselves', async () => {
    render(<Post />);
    const save = screen.getByText('Save');
    act(() => save.focus());
    act(() => save.blur());
    fireEvent.click(screen.getByText('Accept'));
    await screen.findByText('Accepted answer');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).toBe(document.body);
  });
});

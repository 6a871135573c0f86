import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import type { FlagReason } from '../../generated/graphql';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { ModalDialog } from '../layout/modal-dialog';
import { FieldError, FormError } from '../layout/states';
import { FLAG_NOTE_MAX_LENGTH, FLAG_REASONS, flagFormProblem, flagInputOf } from './flag-reasons';
import { flagPostMutation } from './graphql/flag-post.mutation';
import type { PostNoun } from './post-visibility';

interface FlagControlProps {
  postId: string;
  noun: PostNoun;
  viewerCanFlag: boolean;
  viewerHasFlagged: boolean;
}

/** "Flag" for members who may flag the post; "You flagged this" once they have. */
export function FlagControl({ postId, noun, viewerCanFlag, viewerHasFlagged }: FlagControlProps) {
  const [open, setOpen] = useState(false);
  const [justFlagged, setJustFlagged] = useState(false);
  const flaggedRef = useRef<HTMLSpanElement>(null);

  // The button that opened the dialog is gone: put focus on what replaced it.
  useEffect(() => {
    if (justFlagged) flaggedRef.current?.focus();
  }, [justFlagged]);

  if (viewerHasFlagged || justFlagged) {
    return (
      <span ref={flaggedRef} tabIndex={-1} className="flagged-note" data-testid="flagged">
        You flagged this
      </span>
    );
  }
  if (!viewerCanFlag) return null;
  return (
    <>
      <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setOpen(true)} data-testid="flag-button">
        Flag
      </button>
      {open ? (
        <FlagDialog
          postId={postId}
          noun={noun}
          onClose={() => setOpen(false)}
          onFlagged={() => {
            setOpen(false);
            setJustFlagged(true);
          }}
        />
      ) : null}
    </>
  );
}

function FlagDialog({ postId, noun, onClose, onFlagged }: { postId: string; noun: PostNoun; onClose: () => void; onFlagged: () => void }) {
  const [flagPost, { loading }] = useMutation(flagPostMutation, { refetchQueries: ['QuestionDetail'] });
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<{ field: 'reason' | 'note'; message: string } | null>(null);
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const ids = useId();
  const noteRequired = reason === 'OTHER';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const found = flagFormProblem({ reason, note });
    setProblem(found);
    if (found || !reason) return;
    try {
      await flagPost({ variables: { input: flagInputOf(postId, { reason, note }) } });
      onFlagged();
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  const reasonError = problem?.field === 'reason' ? problem.message : failure?.fieldErrors.reason;
  const noteError = problem?.field === 'note' ? problem.message : failure?.fieldErrors.note;
  return (
    <ModalDialog title={`Flag this ${noun}`} onClose={onClose} testId="flag-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="hint">Moderators look at flagged posts. The author is not told who flagged.</p>
        <FormError summary={failure} />
        <fieldset className="choice-list" aria-describedby={reasonError ? `${ids}-reason-error` : undefined}>
          <legend>What is wrong with it?</legend>
          {FLAG_REASONS.map((option) => (
            <label key={option.reason} className="choice">
              <input
                type="radio"
                name="flag-reason"
                value={option.reason}
                checked={reason === option.reason}
                onChange={() => {
                  setReason(option.reason);
                  setProblem(null);
                }}
                data-testid={`flag-reason-${option.reason.toLowerCase()}`}
              />
              <span>
                <span className="choice-label">{option.label}</span>
                <span className="hint">{option.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <FieldError id={`${ids}-reason-error`} message={reasonError} />
        <label>
          {noteRequired ? 'Note for the moderators (required)' : 'Note for the moderators (optional)'}
          <textarea
            rows={3}
            value={note}
            maxLength={FLAG_NOTE_MAX_LENGTH}
            required={noteRequired}
            aria-invalid={noteError ? true : undefined}
            aria-describedby={noteError ? `${ids}-note-error` : undefined}
            onChange={(event) => setNote(event.target.value)}
            data-testid="flag-note"
          />
          <FieldError id={`${ids}-note-error`} message={noteError} />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={loading} data-testid="flag-submit">
            {loading ? 'Sending…' : 'Send flag'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

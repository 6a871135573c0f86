import { useId, useState, type FormEvent } from 'react';
import { skipToken, useMutation, useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { CloseReason, QuestionModerationFieldsFragment } from '../../generated/graphql';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { formatDateTime } from '../layout/format-date';
import { ModalDialog } from '../layout/modal-dialog';
import { FieldError, FormError } from '../layout/states';
import { useDebouncedValue } from '../layout/use-debounced-value';
import { ConfirmActionDialog, REASON_MAX_LENGTH } from './confirm-action-dialog';
import { closeQuestionMutation } from './graphql/close-question.mutation';
import { duplicateCandidatesQuery } from './graphql/duplicate-candidates.query';
import { duplicateTargetQuery } from './graphql/duplicate-target.query';
import { lockQuestionMutation } from './graphql/lock-question.mutation';
import { reopenQuestionMutation } from './graphql/reopen-question.mutation';
import { unlockQuestionMutation } from './graphql/unlock-question.mutation';
import { CLOSE_REASONS, closedSentence, questionIdFromReference } from './question-state';

/** Closed (with the duplicate's target) and locked, above the question. */
export function QuestionBanners({ question }: { question: QuestionModerationFieldsFragment }) {
  const closed = closedSentence(question);
  return (
    <>
      {closed ? (
        <div className="status-banner closed-banner" role="note" data-testid="closed-banner" data-reason={question.closedReason ?? undefined}>
          <p>
            <strong>{closed}</strong>{' '}
            {question.closedReason === 'DUPLICATE' && question.duplicateOf ? (
              <Link to={`/q/${question.duplicateOf.id}`} data-testid="duplicate-target">
                {question.duplicateOf.title}
              </Link>
            ) : null}
          </p>
          {question.closedNote ? <p>{question.closedNote}</p> : null}
          <p className="muted">
            {question.closedReason === 'DUPLICATE' ? 'Answers belong on the original question. ' : 'It takes no new answers. '}
            {question.closedAt ? <>Closed <time dateTime={question.closedAt}>{formatDateTime(question.closedAt)}</time>.</> : null}
          </p>
        </div>
      ) : null}
      {question.isLocked ? (
        <div className="status-banner locked-banner" role="note" data-testid="locked-banner">
          <p>
            <strong>This question is locked.</strong> A moderator stopped new answers and comments; what is here stays readable.
          </p>
        </div>
      ) : null}
    </>
  );
}

type Pending = 'close' | 'lock' | null;

/** Close, reopen, lock and unlock, for the question's moderators. */
export function QuestionModerationControls({ question }: { question: QuestionModerationFieldsFragment }) {
  const refetch = { refetchQueries: ['QuestionDetail'], awaitRefetchQueries: true };
  const [reopen, reopening] = useMutation(reopenQuestionMutation, refetch);
  const [lock] = useMutation(lockQuestionMutation, refetch);
  const [unlock, unlocking] = useMutation(unlockQuestionMutation, refetch);
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (!question.moderation.viewerCanModerate) return null;

  async function run(action: () => Promise<unknown>) {
    setMessage(null);
    try {
      await action();
    } catch (error) {
      setMessage(summariseApiError(error).message);
    }
  }

  return (
    <>
      {question.closedReason ? (
        <button type="button" className="link-button" disabled={reopening.loading} onClick={() => void run(() => reopen({ variables: { questionId: question.id } }))} data-testid="reopen-question">
          {reopening.loading ? 'Reopening…' : 'Reopen'}
        </button>
      ) : (
        <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setPending('close')} data-testid="close-question">
          Close
        </button>
      )}
      {question.isLocked ? (
        <button type="button" className="link-button" disabled={unlocking.loading} onClick={() => void run(() => unlock({ variables: { questionId: question.id } }))} data-testid="unlock-question">
          {unlocking.loading ? 'Unlocking…' : 'Unlock'}
        </button>
      ) : (
        <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => setPending('lock')} data-testid="lock-question">
          Lock
        </button>
      )}
      {message ? (
        <span className="field-error" role="alert">
          {message}
        </span>
      ) : null}
      {pending === 'close' ? <CloseQuestionDialog questionId={question.id} onClose={() => setPending(null)} /> : null}
      {pending === 'lock' ? (
        <ConfirmActionDialog
          title="Lock this question"
          reasonLabel="Reason, kept in the moderation log"
          confirmLabel="Lock"
          busyLabel="Locking…"
          onConfirm={(reason) => lock({ variables: { input: { postId: question.id, reason } } })}
          onClose={() => setPending(null)}
          testId="lock-dialog"
        >
          <p className="hint">Nobody can answer or comment until it is unlocked. Votes and reading carry on.</p>
        </ConfirmActionDialog>
      ) : null}
    </>
  );
}

function CloseQuestionDialog({ questionId, onClose }: { questionId: string; onClose: () => void }) {
  const [closeQuestion, { loading }] = useMutation(closeQuestionMutation, { refetchQueries: ['QuestionDetail'], awaitRefetchQueries: true });
  const [reason, setReason] = useState<CloseReason>('DUPLICATE');
  const [duplicateOfId, setDuplicateOfId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [missingTarget, setMissingTarget] = useState(false);
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const ids = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    if (reason === 'DUPLICATE' && !duplicateOfId) {
      setMissingTarget(true);
      return;
    }
    const trimmed = note.trim();
    try {
      await closeQuestion({ variables: { input: { questionId, reason, duplicateOfId: reason === 'DUPLICATE' ? duplicateOfId : null, note: trimmed === '' ? null : trimmed } } });
      onClose();
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  const description = CLOSE_REASONS.find((option) => option.reason === reason)?.description;
  return (
    <ModalDialog title="Close this question" onClose={onClose} testId="close-dialog">
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <FormError summary={failure} />
        <label>
          Reason
          <select value={reason} onChange={(event) => setReason(event.target.value as CloseReason)} aria-describedby={`${ids}-reason-hint`} data-testid="close-reason">
            {CLOSE_REASONS.map((option) => (
              <option key={option.reason} value={option.reason}>
                {option.label}
              </option>
            ))}
          </select>
          <span className="hint" id={`${ids}-reason-hint`}>
            {description}
          </span>
        </label>
        {reason === 'DUPLICATE' ? (
          <DuplicatePicker
            questionId={questionId}
            selectedId={duplicateOfId}
            onSelect={(id) => {
              setDuplicateOfId(id);
              setMissingTarget(false);
            }}
            error={missingTarget ? 'Choose the question this one duplicates.' : (failure?.fieldErrors.duplicateOfId ?? null)}
          />
        ) : null}
        <label>
          Note (optional)
          <textarea rows={2} value={note} maxLength={REASON_MAX_LENGTH} onChange={(event) => setNote(event.target.value)} data-testid="close-note" />
          <span className="hint">Shown on the closed question.</span>
        </label>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={loading} data-testid="close-submit">
            {loading ? 'Closing…' : 'Close question'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}

interface DuplicatePickerProps {
  questionId: string;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  error: string | null;
}

/** Search the titles, or paste the original's link or id; pick one of what comes up. */
function DuplicatePicker({ questionId, selectedId, onSelect, error }: DuplicatePickerProps) {
  const [text, setText] = useState('');
  const ids = useId();
  const pastedId = questionIdFromReference(text);
  const title = useDebouncedValue(text.trim(), 300);
  const pasted = useQuery(duplicateTargetQuery, pastedId ? { variables: { id: pastedId }, fetchPolicy: 'cache-first' } : skipToken);
  const searched = useQuery(duplicateCandidatesQuery, !pastedId && title.length >= 3 ? { variables: { title }, fetchPolicy: 'cache-first' } : skipToken);

  const candidates = (pastedId ? (pasted.data?.question ? [pasted.data.question] : []) : (searched.data?.similarQuestions ?? [])).filter((candidate) => candidate.id !== questionId);
  const searching = pastedId ? pasted.loading : searched.loading;
  let status = '';
  if (pastedId && pasted.data && !pasted.data.question) status = 'No question has that link or id.';
  else if (pastedId === questionId) status = 'That is this question.';
  else if (!searching && text.trim().length >= 3 && candidates.length === 0 && (pasted.data || searched.data)) status = 'No matching questions.';

  return (
    <fieldset className="duplicate-picker" aria-describedby={error ? `${ids}-error` : undefined}>
      <legend>Duplicate of</legend>
      <label>
        Find the original question
        <input
          type="search"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            onSelect(null);
          }}
          aria-describedby={`${ids}-hint`}
          autoComplete="off"
          data-testid="duplicate-search"
        />
        <span className="hint" id={`${ids}-hint`}>
          Type words from its title, or paste its link or id.
        </span>
      </label>
      <p className="muted" role="status" aria-live="polite">
        {searching ? 'Searching…' : status}
      </p>
      {candidates.length > 0 ? (
        <div className="choice-list" role="radiogroup" aria-label="Matching questions">
          {candidates.map((candidate) => (
            <label key={candidate.id} className="choice" data-testid="duplicate-candidate">
              <input type="radio" name={`${ids}-target`} value={candidate.id} checked={selectedId === candidate.id} onChange={() => onSelect(candidate.id)} />
              <span>
                <span className="choice-label">{candidate.title}</span>
                <span className="hint">{candidate.community.title}</span>
              </span>
            </label>
          ))}
        </div>
      ) : null}
      <FieldError id={`${ids}-error`} message={error} />
    </fieldset>
  );
}

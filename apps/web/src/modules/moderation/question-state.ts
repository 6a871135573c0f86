import type { CloseReason, PostVisibility } from '../../generated/graphql';
import { formatDateTime } from '../layout/format-date';

export const CLOSE_REASONS: ReadonlyArray<{ reason: CloseReason; label: string; description: string }> = [
  { reason: 'DUPLICATE', label: 'Duplicate', description: 'Asked before: answers belong on the other question.' },
  { reason: 'OFF_TOPIC', label: 'Off-topic', description: 'Not about policy practice in this community.' },
  { reason: 'NEEDS_DETAILS', label: 'Needs details', description: 'Cannot be answered until the asker says more.' },
];

export function closeReasonLabel(reason: CloseReason): string {
  return CLOSE_REASONS.find((candidate) => candidate.reason === reason)?.label ?? reason;
}

export interface QuestionState {
  closedReason?: CloseReason | null;
  closedNote?: string | null;
  isLocked: boolean;
  viewerCanAnswer: boolean;
  duplicateOf?: { id: string; title: string } | null;
  moderation: { visibility: PostVisibility };
}

/** The closed banner's sentence, e.g. "This question is closed as off-topic." */
export function closedSentence(question: Pick<QuestionState, 'closedReason' | 'duplicateOf'>): string | null {
  switch (question.closedReason) {
    case null:
    case undefined:
      return null;
    case 'DUPLICATE':
      return question.duplicateOf ? 'This question is closed as a duplicate of:' : 'This question is closed as a duplicate.';
    case 'OFF_TOPIC':
      return 'This question is closed as off-topic.';
    case 'NEEDS_DETAILS':
      return 'This question is closed until it has the details needed to answer it.';
  }
}

function isFuture(iso: string | null | undefined, now: Date): iso is string {
  return !!iso && new Date(iso).getTime() > now.getTime();
}

/** The sentence for a suspended member; null when they are not (or no longer) suspended. */
export function suspensionNotice(suspendedUntil: string | null | undefined, now: Date = new Date()): string | null {
  if (!isFuture(suspendedUntil, now)) return null;
  return `Your account is suspended until ${formatDateTime(suspendedUntil)}. You can read everything, but you cannot post, vote, flag or change anything until then.`;
}

export type AnswerFormState = { kind: 'open' } | { kind: 'sign-in' } | { kind: 'closed'; message: string };

/** Whether the answer form shows, and if not, why — in words for the reader. */
export function answerFormState(question: QuestionState, viewer: { suspendedUntil?: string | null } | null, now: Date = new Date()): AnswerFormState {
  if (!viewer) return { kind: 'sign-in' };
  if (question.viewerCanAnswer) return { kind: 'open' };
  if (isFuture(viewer.suspendedUntil, now)) return { kind: 'closed', message: `Your account is suspended until ${formatDateTime(viewer.suspendedUntil)}, so you cannot answer.` };
  if (question.moderation.visibility === 'DELETED') return { kind: 'closed', message: 'This question was deleted, so it takes no answers.' };
  if (question.moderation.visibility === 'HIDDEN') return { kind: 'closed', message: 'This question is hidden, so it takes no answers until a moderator restores it.' };
  if (question.isLocked) return { kind: 'closed', message: 'This question is locked: it takes no new answers or comments.' };
  if (question.closedReason === 'DUPLICATE') return { kind: 'closed', message: 'This question is closed as a duplicate: answer the original question instead.' };
  if (question.closedReason) return { kind: 'closed', message: `This question is closed (${closeReasonLabel(question.closedReason).toLowerCase()}), so it takes no new answers.` };
  return { kind: 'closed', message: 'You cannot answer this question.' };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const QUESTION_PATH = /(?:^|\/)q\/([^/?#\s]+)/;

/** A question's id from a pasted link (…/q/<id>, with any origin, query or #answer) or a bare id. */
export function questionIdFromReference(text: string): string | null {
  const trimmed = text.trim();
  if (UUID.test(trimmed)) return trimmed.toLowerCase();
  let path = trimmed;
  try {
    path = new URL(trimmed).pathname;
  } catch {
    // Not an absolute URL: maybe a path such as /q/<id>.
  }
  const match = QUESTION_PATH.exec(path);
  return match && UUID.test(match[1]) ? match[1].toLowerCase() : null;
}

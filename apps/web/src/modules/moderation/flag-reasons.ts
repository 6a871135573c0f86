import type { FlagPostInput, FlagReason } from '../../generated/graphql';

export const FLAG_NOTE_MAX_LENGTH = 500;

/** In the order the dialog offers them; the descriptions help a flagger pick the right one. */
export const FLAG_REASONS: ReadonlyArray<{ reason: FlagReason; label: string; description: string }> = [
  { reason: 'SPAM', label: 'Spam', description: 'Advertising, or links that add nothing to the conversation.' },
  { reason: 'ABUSIVE', label: 'Rude or abusive', description: 'A personal attack, or something a reasonable person would find offensive.' },
  { reason: 'OFF_TOPIC', label: 'Off-topic', description: 'Not about policy practice in this community.' },
  { reason: 'DUPLICATE', label: 'Duplicate', description: 'Already asked and answered here; say where in the note.' },
  { reason: 'NEEDS_IMPROVEMENT', label: 'Needs improvement', description: 'Unclear or incomplete: it needs more detail to be useful.' },
  { reason: 'OTHER', label: 'Something else', description: 'Tell the moderators what is wrong in the note.' },
];

export function flagReasonLabel(reason: FlagReason): string {
  return FLAG_REASONS.find((candidate) => candidate.reason === reason)?.label ?? reason;
}

export interface FlagForm {
  reason: FlagReason | null;
  note: string;
}

/** Why the flag cannot be sent yet, in words for the flagger; null when it can. */
export function flagFormProblem(form: FlagForm): { field: 'reason' | 'note'; message: string } | null {
  if (!form.reason) return { field: 'reason', message: 'Choose what is wrong with this post.' };
  const note = form.note.trim();
  if (form.reason === 'OTHER' && note === '') return { field: 'note', message: 'Say what is wrong: "Something else" needs a note for the moderators.' };
  if (note.length > FLAG_NOTE_MAX_LENGTH) return { field: 'note', message: `Keep the note to ${FLAG_NOTE_MAX_LENGTH} characters (it has ${note.length}).` };
  return null;
}

export function flagInputOf(postId: string, form: FlagForm & { reason: FlagReason }): FlagPostInput {
  const note = form.note.trim();
  return { postId, reason: form.reason, note: note === '' ? null : note };
}

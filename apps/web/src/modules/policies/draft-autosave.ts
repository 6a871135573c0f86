import { useCallback, useEffect, useRef, useState } from 'react';
import { summariseApiError } from '../api/api-error';

/** What the editor last stored, as the api answered. */
export interface SavedDraft {
  markdown: string;
  updatedAt: string;
}

/** Where the text stands against what is stored, for the status line. */
export type DraftSaveStatus =
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'invalid' }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict'; message: string };

export interface DraftSaveRequest {
  markdown: string;
  /** The save the editor started from (null: it loaded no draft); left out to overwrite whatever is stored. */
  expectedUpdatedAt?: string | null;
}

interface AutosaveOptions<Result extends SavedDraft> {
  /** What the page loaded: the stored draft, or null when there is none yet. */
  loaded: Result | null;
  /** The text the editor started with (the stored draft, else the latest version or a template): no edits, nothing to save. */
  initialMarkdown: string;
  markdown: string;
  /** False while the text has format problems: the api would refuse it, so it waits until they are fixed. */
  valid: boolean;
  save: (request: DraftSaveRequest) => Promise<Result>;
  /** Quiet time after the last keystroke before saving. */
  delayMs?: number;
}

/** The api refused the save because the draft changed elsewhere since it was loaded (see SavePolicyDraftInput.expectedUpdatedAt). */
function isConflict(error: unknown): string | null {
  const summary = summariseApiError(error);
  return summary.fieldErrors.expectedUpdatedAt ?? null;
}

/**
 * Saves the draft by itself once typing pauses: one save at a time, each saying which save
 * it started from, so work saved elsewhere meanwhile (another author, another tab) is
 * reported as a conflict instead of overwritten. After a conflict nothing is saved until
 * the author chooses: reload theirs, or overwrite it with this text.
 */
export function useDraftAutosave<Result extends SavedDraft>({ loaded, initialMarkdown, markdown, valid, save, delayMs = 1500 }: AutosaveOptions<Result>) {
  const [saved, setSaved] = useState<Result | null>(loaded);
  const [status, setStatus] = useState<DraftSaveStatus>(loaded ? { kind: 'saved' } : { kind: 'unchanged' });
  const savedRef = useRef<Result | null>(loaded);
  const latest = useRef({ markdown, valid });
  latest.current = { markdown, valid };
  const saving = useRef(false);
  const conflicted = useRef(false);
  // The text a save failed for: not retried by itself (the author may retry), only once it changes.
  const failedFor = useRef<string | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const baseline = saved?.markdown ?? initialMarkdown;
  const unsaved = markdown !== baseline;

  const run = useCallback(async (overwrite: boolean): Promise<boolean> => {
    if (saving.current) return false;
    const text = latest.current.markdown;
    saving.current = true;
    setStatus({ kind: 'saving' });
    try {
      const request: DraftSaveRequest = overwrite ? { markdown: text } : { markdown: text, expectedUpdatedAt: savedRef.current?.updatedAt ?? null };
      const result = await saveRef.current(request);
      savedRef.current = result;
      conflicted.current = false;
      failedFor.current = null;
      setSaved(result);
      // Typed on while it saved: the next save follows from the effect below.
      setStatus(latest.current.markdown === result.markdown ? { kind: 'saved' } : { kind: 'pending' });
      return true;
    } catch (error) {
      const conflict = isConflict(error);
      if (conflict) {
        conflicted.current = true;
        setStatus({ kind: 'conflict', message: conflict });
      } else {
        failedFor.current = text;
        setStatus({ kind: 'failed', message: summariseApiError(error).message });
      }
      return false;
    } finally {
      saving.current = false;
    }
  }, []);

  useEffect(() => {
    if (conflicted.current || saving.current || failedFor.current === markdown) return undefined;
    if (!unsaved) {
      setStatus((current) => (current.kind === 'failed' || current.kind === 'invalid' || current.kind === 'pending' ? (saved ? { kind: 'saved' } : { kind: 'unchanged' }) : current));
      return undefined;
    }
    if (!valid) {
      setStatus({ kind: 'invalid' });
      return undefined;
    }
    setStatus((current) => (current.kind === 'pending' ? current : { kind: 'pending' }));
    const timer = setTimeout(() => void run(false), delayMs);
    return () => clearTimeout(timer);
    // status is a dependency so that a save finishing with newer text pending starts the next one.
  }, [markdown, valid, unsaved, saved, delayMs, run, status.kind]);

  return {
    /** The last save this editor made or loaded. */
    saved,
    status,
    /** The text differs from what is stored (or, with nothing stored, from what the editor started with). */
    unsaved,
    /** Saves at once (the "Save now" button, "Save and leave"); false when it did not save. */
    saveNow: () => {
      failedFor.current = null;
      return latest.current.valid && !conflicted.current ? run(false) : Promise.resolve(false);
    },
    /** After a conflict: store this text over what was saved elsewhere. */
    overwrite: () => run(true),
  };
}

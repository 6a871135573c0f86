import { lazy, Suspense, useId, useLayoutEffect, useRef, useState } from 'react';
import { insertCitation } from '../citations/insert-citation';
import { useResolvedCitations } from '../citations/use-resolved-citations';
import { FieldError } from '../layout/states';
import { MarkdownView } from './markdown-view';

// Only people who open it pay for the picker's code.
const CitationPicker = lazy(() => import('../citations/citation-picker').then((module) => ({ default: module.CitationPicker })));

interface MarkdownEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  testId?: string;
  error?: string | null;
  /** Offer "Cite a policy section", which inserts a policy: reference at the caret. */
  citations?: boolean;
}

/** A textarea with a preview that uses the same sanitising renderer as published posts. */
export function MarkdownEditor({ label, value, onChange, rows = 10, testId, error, citations = false }: MarkdownEditorProps) {
  const id = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [previewing, setPreviewing] = useState(false);
  const [picking, setPicking] = useState(false);
  const pendingCaret = useRef<number | null>(null);
  // The preview shows citations as the post will: titled chips, or errors saying why saving would refuse them.
  const resolved = useResolvedCitations([value], { delayMs: 500 });

  // After an insertion re-renders the textarea, put the caret after the reference.
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    if (caret === null || !textarea.current) return;
    pendingCaret.current = null;
    textarea.current.focus();
    textarea.current.setSelectionRange(caret, caret);
  }, [value]);

  function pick(reference: string, sectionTitle: string) {
    // The textarea keeps its selection while the picker has focus.
    const element = textarea.current;
    const start = element?.selectionStart ?? value.length;
    const end = element?.selectionEnd ?? value.length;
    const insertion = insertCitation(value, start, end, reference, sectionTitle);
    pendingCaret.current = insertion.cursor;
    setPicking(false);
    setPreviewing(false);
    onChange(insertion.text);
  }

  return (
    <div className="markdown-editor">
      <div className="markdown-editor-bar">
        <label htmlFor={id}>{label}</label>
        <span className="row">
          {citations ? (
            <button type="button" className="link-button" onClick={() => setPicking(true)} aria-haspopup="dialog" data-testid="cite-policy">
              Cite a policy section
            </button>
          ) : null}
          <button type="button" className="link-button" onClick={() => setPreviewing((current) => !current)} aria-pressed={previewing}>
            {previewing ? 'Write' : 'Preview'}
          </button>
        </span>
      </div>
      {picking ? (
        <Suspense fallback={<p className="muted">Loading…</p>}>
          <CitationPicker onPick={pick} onClose={() => setPicking(false)} />
        </Suspense>
      ) : null}
      {previewing ? (
        <div className="markdown-preview">
          {value.trim() === '' ? <p className="muted">Nothing to preview.</p> : <MarkdownView source={value} citations={resolved.citations} problems={resolved.problems} />}
        </div>
      ) : null}
      <textarea ref={textarea} id={id} hidden={previewing} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} aria-describedby={`${id}-error ${id}-citations`} />
      {resolved.problems.size > 0 ? (
        <ul className="citation-problems" id={`${id}-citations`} data-testid="citation-problems" aria-live="polite">
          {[...resolved.problems].map(([reference, problem]) => (
            <li key={reference}>
              <code>{reference}</code> will not save: {problem}
            </li>
          ))}
        </ul>
      ) : null}
            <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

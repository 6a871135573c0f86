import { useId, useState } from 'react';
import { FieldError } from '../layout/states';
import { MarkdownView } from './markdown-view';

interface MarkdownEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  testId?: string;
  error?: string | null;
}

/** A textarea with a preview that uses the same sanitising renderer as published posts. */
export function MarkdownEditor({ label, value, onChange, rows = 10, testId, error }: MarkdownEditorProps) {
  const id = useId();
  const [previewing, setPreviewing] = useState(false);
  return (
    <div className="markdown-editor">
      <div className="markdown-editor-bar">
        <label htmlFor={id}>{label}</label>
        <button type="button" className="link-button" onClick={() => setPreviewing((current) => !current)} aria-pressed={previewing}>
          {previewing ? 'Write' : 'Preview'}
        </button>
      </div>
      {previewing ? (
        <div className="markdown-preview">{value.trim() === '' ? <p className="muted">Nothing to preview.</p> : <MarkdownView source={value} />}</div>
      ) : null}
      <textarea id={id} hidden={previewing} rows={rows} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} aria-describedby={`${id}-error`} />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

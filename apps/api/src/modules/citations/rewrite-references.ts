import { formatCitationReference, scanCitationReferences } from '@policy-commons/policies';

/** Replaces each cited reference (outside code) by its new text, leaving the rest of the Markdown as written. */
export function rewriteReferences(body: string, replacements: ReadonlyMap<string, string>): string {
  let rewritten = body;
  const found = scanCitationReferences(body).references;
  for (const occurrence of [...found].reverse()) {
    const replacement = replacements.get(formatCitationReference(occurrence.reference));
    if (replacement !== undefined) rewritten = rewritten.slice(0, occurrence.start) + replacement + rewritten.slice(occurrence.end);
  }
  return rewritten;
}

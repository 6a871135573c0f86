import { formatCitationReference, scanCitationReferences } from '@policy-commons/policies';

/**
 * Replaces each cited reference (outside code) by its new text, leaving the rest of the Markdown as written.
 * Built in one pass from the pieces between references: splicing each replacement into the whole body
 * copied the body once per reference (26-68 ms for a 30,000-character answer of 2,000 references).
 */
export function rewriteReferences(body: string, replacements: ReadonlyMap<string, string>): string {
  const pieces: string[] = [];
  let copiedUpTo = 0;
  for (const occurrence of scanCitationReferences(body).references) {
    const replacement = replacements.get(formatCitationReference(occurrence.reference));
    if (replacement === undefined) continue;
    pieces.push(body.slice(copiedUpTo, occurrence.start), replacement);
    copiedUpTo = occurrence.end;
  }
  pieces.push(body.slice(copiedUpTo));
  return pieces.join('');
}

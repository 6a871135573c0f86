import { formatCitationReference, type CitationReference } from './citation-reference.js';

/** What a reader is shown for a citation, wherever it appears: chip, copy, history, digest. */
export interface CitationNames {
  documentTitle: string;
  version: string;
  sectionTitle: string;
}

/** "Social Media Policy and Guidance 2.0 § Personal and professional responsibilities". */
export function citationLabel(names: CitationNames): string {
  return `${names.documentTitle.trim()} ${names.version} § ${names.sectionTitle.trim()}`;
}

/** Square brackets and backslashes would end or break a Markdown link label. */
function escapeLinkLabel(text: string): string {
  return text.replace(/[\\[\]]/g, (character) => `\\${character}`);
}

/**
 * `[Social Media Policy and Guidance 2.0 § Personal …](policy:social-media-policy@2.0#personal-…)`:
 * what "Copy citation" copies. Pasted into a post it renders as the citation chip, and it
 * still reads as the citation in plain text (an email, a document) where it does not.
 */
export function citationMarkdownLink(reference: CitationReference, names: CitationNames): string {
  return `[${escapeLinkLabel(citationLabel(names))}](${formatCitationReference(reference)})`;
}

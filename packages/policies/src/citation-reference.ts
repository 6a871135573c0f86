import { isValidAnchor } from './anchor.js';
import { isVersionNumber } from './version-number.js';

/**
 * `policy:<slug>@<version>#<anchor>` names one section of one published version.
 * Document slugs are unique across organisations, so the reference needs no
 * organisation.
 */
export interface CitationReference {
  slug: string;
  version: string;
  anchor: string;
}

/** `<slug>@<version>`: one version of a document (what `adaptedFrom` holds). */
export interface DocumentVersionRef {
  slug: string;
  version: string;
}

export type CitationReferenceParseResult =
  | { ok: true; reference: CitationReference }
  | { ok: false; error: string };

export type DocumentVersionRefParseResult =
  | { ok: true; ref: DocumentVersionRef }
  | { ok: false; error: string };

export interface FoundCitationReference {
  reference: CitationReference;
  /** The reference exactly as written; text.slice(start, end) === raw. */
  raw: string;
  start: number;
  end: number;
}

export interface CitationReferenceProblem {
  raw: string;
  start: number;
  end: number;
  error: string;
}

export const CITATION_SCHEME = 'policy:';
export const DOCUMENT_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const CITATION_SHAPE = 'a citation reference looks like policy:<document-slug>@<MAJOR.MINOR>#<section-anchor>';

export function isDocumentSlug(text: string): boolean {
  return DOCUMENT_SLUG_PATTERN.test(text);
}

function checkSlugAndVersion(slug: string, version: string | undefined, whole: string): string | null {
  if (slug === '') return `"${whole}" has no document slug before "@"`;
  if (!isDocumentSlug(slug)) {
    return `"${slug}" is not a document slug: use lower-case letters, digits and single hyphens`;
  }
  if (version === undefined) return `"${whole}" has no version: add "@<MAJOR.MINOR>" after the document slug`;
  if (!isVersionNumber(version)) return `"${version}" is not a version number: use MAJOR.MINOR, e.g. 2.0`;
  return null;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at === -1 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)];
}

export function parseDocumentVersionRef(text: string): DocumentVersionRefParseResult {
  const [slug, version] = splitOnce(text.trim(), '@');
  const error = checkSlugAndVersion(slug, version, text);
  if (error !== null) return { ok: false, error: `${error} (expected <document-slug>@<MAJOR.MINOR>)` };
  return { ok: true, ref: { slug, version: version as string } };
}

export function formatDocumentVersionRef(ref: DocumentVersionRef): string {
  return `${ref.slug}@${ref.version}`;
}

export function parseCitationReference(text: string): CitationReferenceParseResult {
  const trimmed = text.trim();
  if (!trimmed.startsWith(CITATION_SCHEME)) {
    return { ok: false, error: `"${text}" does not start with "${CITATION_SCHEME}": ${CITATION_SHAPE}` };
  }
  const [documentPart, anchor] = splitOnce(trimmed.slice(CITATION_SCHEME.length), '#');
  const [slug, version] = splitOnce(documentPart, '@');
  const error = checkSlugAndVersion(slug, version, trimmed);
  if (error !== null) return { ok: false, error: `${error}; ${CITATION_SHAPE}` };
  if (anchor === undefined || anchor === '') {
    return { ok: false, error: `"${trimmed}" names no section: add "#<section-anchor>"; ${CITATION_SHAPE}` };
  }
  if (!isValidAnchor(anchor)) {
    return {
      ok: false,
      error: `"${anchor}" is not a section anchor: anchors are lower case, with hyphens instead of spaces`,
    };
  }
  return { ok: true, reference: { slug, version: version as string, anchor } };
}

export function isCitationReference(text: string): boolean {
  return parseCitationReference(text).ok;
}

/** Throws RangeError when a part would not parse back, so a bad reference is never stored. */
export function formatCitationReference(reference: CitationReference): string {
  const text = `${CITATION_SCHEME}${reference.slug}@${reference.version}#${reference.anchor}`;
  const parsed = parseCitationReference(text);
  if (!parsed.ok) throw new RangeError(parsed.error);
  return text;
}

/** Code spans and fenced code blocks: a reference shown as an example there is not a citation. */
function codeRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const lineRe = /[^\n]*(?:\n|$)/g;
  let fence: { char: string; length: number; start: number } | null = null;
  let match: RegExpExecArray | null;
  let proseStart = 0;
  const proseChunks: [number, number][] = [];
  while ((match = lineRe.exec(text)) !== null && match[0] !== '') {
    const lineStart = match.index;
    const line = match[0].replace(/\r?\n$/, '');
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === null && marker) {
      proseChunks.push([proseStart, lineStart]);
      fence = { char: marker[0] ?? '`', length: marker.length, start: lineStart };
    } else if (fence !== null && marker && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker) {
      const end = lineStart + match[0].length;
      ranges.push([fence.start, end]);
      fence = null;
      proseStart = end;
    }
  }
  if (fence !== null) ranges.push([fence.start, text.length]);
  else proseChunks.push([proseStart, text.length]);

  for (const [chunkStart, chunkEnd] of proseChunks) {
    const chunk = text.slice(chunkStart, chunkEnd);
    const tickRe = /`+/g;
    let open: RegExpExecArray | null;
    while ((open = tickRe.exec(chunk)) !== null) {
      const ticks = open[0];
      const closeRe = new RegExp(`(?<!\`)${ticks}(?!\`)`, 'g');
      closeRe.lastIndex = open.index + ticks.length;
      const close = closeRe.exec(chunk);
      if (!close) continue;
      ranges.push([chunkStart + open.index, chunkStart + close.index + ticks.length]);
      tickRe.lastIndex = close.index + ticks.length;
    }
  }
  return ranges;
}

/**
 * A candidate starts at "policy:" (not inside a word or a URL path) and runs over the
 * characters a reference can contain, so Markdown around it — `[see](…)`, `<…>`,
 * `**…**`, a closing full stop — is not taken in.
 */
const CANDIDATE = /(?<![\p{L}\p{N}_\-/.:@#])policy:[\p{L}\p{M}\p{N}_\-@#.:]*/gu;

export function scanCitationReferences(markdown: string): {
  references: FoundCitationReference[];
  problems: CitationReferenceProblem[];
} {
  const references: FoundCitationReference[] = [];
  const problems: CitationReferenceProblem[] = [];
  const code = codeRanges(markdown);
  for (const match of markdown.matchAll(CANDIDATE)) {
    const start = match.index;
    const raw = match[0].replace(/[.:]+$/, '');
    const end = start + raw.length;
    if (raw.length <= CITATION_SCHEME.length) continue; // "policy:" as an ordinary word, e.g. "our policy: …"
    if (code.some(([codeStart, codeEnd]) => start >= codeStart && start < codeEnd)) continue;
    const parsed = parseCitationReference(raw);
    if (parsed.ok) references.push({ reference: parsed.reference, raw, start, end });
    else problems.push({ raw, start, end, error: parsed.error });
  }
  return { references, problems };
}

/** Every valid reference in a post body, in order, with character offsets. */
export function findCitationReferences(markdown: string): FoundCitationReference[] {
  return scanCitationReferences(markdown).references;
}

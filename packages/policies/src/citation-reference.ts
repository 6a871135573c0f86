import { MAX_ANCHOR_LENGTH, isValidAnchor } from './anchor.js';
import { MAX_VERSION_LENGTH, isVersionNumber } from './version-number.js';

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
/** As the api's policy_documents table allows. */
export const MAX_DOCUMENT_SLUG_LENGTH = 100;
/**
 * policy:<slug>@<version>#<anchor> with each part at its longest. Anything longer is
 * refused before any pattern reads it, so a post full of punctuation after "policy:"
 * costs no more than its length.
 */
export const MAX_CITATION_REFERENCE_LENGTH =
  CITATION_SCHEME.length + MAX_DOCUMENT_SLUG_LENGTH + 1 + MAX_VERSION_LENGTH + 1 + MAX_ANCHOR_LENGTH;
const MAX_DOCUMENT_VERSION_REF_LENGTH = MAX_DOCUMENT_SLUG_LENGTH + 1 + MAX_VERSION_LENGTH;

const CITATION_SHAPE = 'a citation reference looks like policy:<document-slug>@<MAJOR.MINOR>#<section-anchor>';

/** The start of an over-long input, for a message that should not repeat all of it. */
function beginning(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}…`;
}

export function isDocumentSlug(text: string): boolean {
  return text.length <= MAX_DOCUMENT_SLUG_LENGTH && DOCUMENT_SLUG_PATTERN.test(text);
}

function checkSlugAndVersion(slug: string, version: string | undefined, whole: string): string | null {
  if (slug === '') return `"${whole}" has no document slug before "@"`;
  if (slug.length > MAX_DOCUMENT_SLUG_LENGTH) {
    return `the document slug "${beginning(slug)}" is longer than ${MAX_DOCUMENT_SLUG_LENGTH} characters`;
  }
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
  const trimmed = text.trim();
  if (trimmed.length > MAX_DOCUMENT_VERSION_REF_LENGTH) {
    return {
      ok: false,
      error: `"${beginning(trimmed)}" is longer than ${MAX_DOCUMENT_VERSION_REF_LENGTH} characters (expected <document-slug>@<MAJOR.MINOR>)`,
    };
  }
  const [slug, version] = splitOnce(trimmed, '@');
  const error = checkSlugAndVersion(slug, version, text);
  if (error !== null) return { ok: false, error: `${error} (expected <document-slug>@<MAJOR.MINOR>)` };
  return { ok: true, ref: { slug, version: version as string } };
}

export function formatDocumentVersionRef(ref: DocumentVersionRef): string {
  return `${ref.slug}@${ref.version}`;
}

export function parseCitationReference(text: string): CitationReferenceParseResult {
  const trimmed = text.trim();
  if (trimmed.length > MAX_CITATION_REFERENCE_LENGTH) {
    return {
      ok: false,
      error: `"${beginning(trimmed)}" is longer than ${MAX_CITATION_REFERENCE_LENGTH} characters, so it is not a citation reference; ${CITATION_SHAPE}`,
    };
  }
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
  if (anchor.length > MAX_ANCHOR_LENGTH) {
    return { ok: false, error: `the section anchor "${beginning(anchor)}" is longer than ${MAX_ANCHOR_LENGTH} characters` };
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

/**
 * Code spans and fenced code blocks: a reference shown as an example there is not a
 * citation. Ranges are [start, end) offsets, sorted and not overlapping.
 *
 * Hand-written rather than with patterns: the code-span search it replaces compiled a
 * pattern per opening backtick run and searched the rest of the text for its closing run,
 * which is quadratic when many runs never close. Here every backtick run is listed once,
 * and each run length keeps a cursor into its own list, so finding a run's closing run
 * (the next run of the same length, as in CommonMark) never looks at a run twice.
 */
function codeRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  const proseChunks: [number, number][] = [];
  let fence: { char: string; length: number; start: number } | null = null;
  let proseStart = 0;
  for (let lineStart = 0; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const next = newline === -1 ? text.length : newline + 1;
    const line =
      newline === -1 ? text.slice(lineStart) : text.slice(lineStart, newline > lineStart && text[newline - 1] === '\r' ? newline - 1 : newline);
    const marker = FENCE_MARKER.exec(line)?.[1];
    if (fence === null && marker) {
      proseChunks.push([proseStart, lineStart]);
      fence = { char: marker[0] ?? '`', length: marker.length, start: lineStart };
    } else if (fence !== null && marker && marker[0] === fence.char && marker.length >= fence.length && line.trim() === marker) {
      ranges.push([fence.start, next]);
      fence = null;
      proseStart = next;
    }
    lineStart = next;
  }
  if (fence !== null) ranges.push([fence.start, text.length]);
  else proseChunks.push([proseStart, text.length]);

  for (const [chunkStart, chunkEnd] of proseChunks) {
    const runs: { start: number; end: number }[] = [];
    const runsOfLength = new Map<number, number[]>();
    for (let at = text.indexOf('`', chunkStart); at !== -1 && at < chunkEnd; at = text.indexOf('`', at)) {
      const start = at;
      while (at < chunkEnd && text[at] === '`') at += 1;
      const sameLength = runsOfLength.get(at - start) ?? [];
      sameLength.push(runs.length);
      runsOfLength.set(at - start, sameLength);
      runs.push({ start, end: at });
    }
    const cursors = new Map<number, number>();
    for (let open = 0; open < runs.length; ) {
      const { start, end } = runs[open] as { start: number; end: number };
      const sameLength = runsOfLength.get(end - start) ?? [];
      let cursor = cursors.get(end - start) ?? 0;
      while (cursor < sameLength.length && (sameLength[cursor] ?? 0) <= open) cursor += 1;
      cursors.set(end - start, cursor);
      const close = sameLength[cursor];
      if (close === undefined) {
        open += 1; // no closing run: these backticks are literal
        continue;
      }
      ranges.push([start, (runs[close] as { end: number }).end]);
      open = close + 1;
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

const FENCE_MARKER = /^ {0,3}(`{3,}|~{3,})/;

/**
 * A candidate starts at "policy:" (not inside a word or a URL path) and runs over the
 * characters a reference can contain, so Markdown around it — `[see](…)`, `<…>`,
 * `**…**`, a closing full stop — is not taken in.
 */
const CANDIDATE = /(?<![\p{L}\p{N}_\-/.:@#])policy:[\p{L}\p{M}\p{N}_\-@#.:]*/gu;

/**
 * Where a candidate ends once the full stops and colons that close its sentence are left
 * out. A loop, because /[.:]+$/ retried the rest of a run of dots from each dot in it
 * whenever the run was followed by a letter: "policy:" and 29,000 dots then "a" took 2 s.
 */
function endWithoutStops(candidate: string): number {
  let end = candidate.length;
  while (end > 0 && (candidate[end - 1] === '.' || candidate[end - 1] === ':')) end -= 1;
  return end;
}

export function scanCitationReferences(markdown: string): {
  references: FoundCitationReference[];
  problems: CitationReferenceProblem[];
} {
  const references: FoundCitationReference[] = [];
  const problems: CitationReferenceProblem[] = [];
  const code = codeRanges(markdown);
  let nextCode = 0; // candidates come in order, so the code ranges are walked once
  for (const match of markdown.matchAll(CANDIDATE)) {
    const start = match.index;
    const raw = match[0].slice(0, endWithoutStops(match[0]));
    const end = start + raw.length;
    if (raw.length <= CITATION_SCHEME.length) continue; // "policy:" as an ordinary word, e.g. "our policy: …"
    while (nextCode < code.length && (code[nextCode]?.[1] ?? 0) <= start) nextCode += 1;
    if ((code[nextCode]?.[0] ?? Infinity) <= start) continue;
    // Over-long candidates are refused by length inside, before any pattern reads them.
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

import { LineCounter, isMap, isScalar, parseDocument, stringify } from 'yaml';
import { parseDocumentVersionRef, formatDocumentVersionRef, isDocumentSlug, type DocumentVersionRef } from './citation-reference.js';
import { policyFormatError, type PolicyFormatError } from './errors.js';
import { scanSections, type PolicySection } from './sections.js';
import { isVersionNumber } from './version-number.js';

export interface Contributor {
  name: string;
  /** e.g. "Head of ICT" */
  role: string;
}

/** Everything in a version file's front matter. */
export interface PolicyVersionMetadata {
  slug: string;
  title: string;
  /** The owning organisation's slug. */
  organisation: string;
  /** MAJOR.MINOR */
  version: string;
  /** ISO date, YYYY-MM-DD */
  publishedOn: string;
  summaryOfChanges: string;
  contributors: Contributor[];
  /** Attribution and reuse note. */
  licence: string;
  /** The version this document was adapted from, possibly another organisation's. */
  adaptedFrom: DocumentVersionRef | null;
  /**
   * Shown on every earlier version once this one is published ("This edition supersedes
   * 2.0…"). It lives on the new version because a published file never changes.
   */
  supersededNotice: string | null;
}

export interface PolicyVersionFile extends PolicyVersionMetadata {
  sections: PolicySection[];
  /** The Markdown after the front matter, exactly as written (line endings normalised to \n). */
  body: string;
  file: string | null;
}

export type PolicyVersionParseResult =
  | { ok: true; version: PolicyVersionFile }
  | { ok: false; errors: PolicyFormatError[] };

export interface ParsePolicyVersionOptions {
  /** Named in every error; also kept on the parsed version. */
  file?: string;
}

const REQUIRED_FIELDS = [
  'slug',
  'title',
  'organisation',
  'version',
  'publishedOn',
  'summaryOfChanges',
  'contributors',
  'licence',
] as const;
const OPTIONAL_FIELDS = ['adaptedFrom', 'supersededNotice'] as const;
const KNOWN_FIELDS = new Set<string>([...REQUIRED_FIELDS, ...OPTIONAL_FIELDS]);

/** Spellings people reach for first. */
const FIELD_HINTS: Record<string, string> = {
  license: 'licence',
  organization: 'organisation',
  org: 'organisation',
  adapted_from: 'adaptedFrom',
  published: 'publishedOn',
  published_on: 'publishedOn',
  date: 'publishedOn',
  summary: 'summaryOfChanges',
  superseded_notice: 'supersededNotice',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function splitFrontMatter(
  markdown: string,
): { yaml: string; body: string; bodyLineOffset: number } | { error: string; line: number } {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines[0]?.trimEnd() !== '---') {
    return { error: 'a policy version file must start with YAML front matter between "---" lines', line: 1 };
  }
  const close = lines.findIndex((line, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  if (close === -1) return { error: 'the front matter opened on line 1 is never closed with "---"', line: 1 };
  return {
    yaml: lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    bodyLineOffset: close + 1,
  };
}

/**
 * Parse and validate one version file: YAML front matter, then Markdown whose `##`
 * (and deeper) headings are the sections. Reports every error it finds, not the first.
 */
export function parsePolicyVersion(markdown: string, options: ParsePolicyVersionOptions = {}): PolicyVersionParseResult {
  const file = options.file ?? null;
  const split = splitFrontMatter(markdown);
  if ('error' in split) {
    return { ok: false, errors: [policyFormatError('missing-front-matter', split.error, file, split.line)] };
  }

  const errors: PolicyFormatError[] = [];
  const lineCounter = new LineCounter();
  // The failsafe schema keeps every scalar a string, so `version: 2.10` stays "2.10"
  // instead of becoming the number 2.1.
  const document = parseDocument(split.yaml, { schema: 'failsafe', lineCounter, uniqueKeys: true });
  for (const error of document.errors) {
    const line = error.linePos ? error.linePos[0].line + 1 : 1;
    errors.push(policyFormatError('invalid-front-matter', error.message.split('\n')[0] ?? error.message, file, line));
  }
  if (errors.length > 0) return { ok: false, errors };

  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    return {
      ok: false,
      errors: [policyFormatError('invalid-front-matter', 'the front matter must be a mapping of field: value', file, 2)],
    };
  }

  const fieldLines = new Map<string, number>();
  for (const pair of contents?.items ?? []) {
    if (isScalar(pair.key) && typeof pair.key.value === 'string' && pair.key.range) {
      fieldLines.set(pair.key.value, lineCounter.linePos(pair.key.range[0]).line + 1);
    }
  }
  const raw: unknown = document.toJS();
  const fields: Record<string, unknown> = isRecord(raw) ? raw : {};
  const lineOf = (field: string): number => fieldLines.get(field) ?? 2;
  const fail = (rule: PolicyFormatError['rule'], field: string, message: string): void => {
    errors.push(policyFormatError(rule, message, file, lineOf(field)));
  };

  for (const field of Object.keys(fields)) {
    if (!KNOWN_FIELDS.has(field)) {
      const hint = FIELD_HINTS[field];
      fail('unknown-field', field, `unknown front matter field "${field}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
    }
  }
  for (const field of REQUIRED_FIELDS) {
    if (!(field in fields)) {
      errors.push(policyFormatError('missing-field', `front matter field "${field}" is required`, file, 1));
    }
  }

  const text = (field: string): string | null => {
    if (!(field in fields)) return null;
    const value = fields[field];
    if (typeof value !== 'string' || value.trim() === '') {
      fail('invalid-field', field, `"${field}" must be non-empty text`);
      return null;
    }
    return value.trim();
  };

  const slug = text('slug');
  if (slug !== null && !isDocumentSlug(slug)) {
    fail('invalid-field', 'slug', `slug "${slug}" must be lower-case letters and digits joined by single hyphens`);
  }
  const title = text('title');
  const organisation = text('organisation');
  if (organisation !== null && !isDocumentSlug(organisation)) {
    fail(
      'invalid-field',
      'organisation',
      `organisation "${organisation}" must be the organisation's slug (lower-case letters, digits, hyphens)`,
    );
  }
  const version = text('version');
  if (version !== null && !isVersionNumber(version)) {
    fail('invalid-version', 'version', `version "${version}" must be MAJOR.MINOR, e.g. 1.0 or 2.3`);
  }
  const publishedOn = text('publishedOn');
  if (publishedOn !== null && !isIsoDate(publishedOn)) {
    fail('invalid-date', 'publishedOn', `publishedOn "${publishedOn}" must be a calendar date written YYYY-MM-DD`);
  }
  const summaryOfChanges = text('summaryOfChanges');
  const licence = text('licence');
  const supersededNotice = 'supersededNotice' in fields ? text('supersededNotice') : null;

  const contributors: Contributor[] = [];
  if ('contributors' in fields) {
    const list = fields.contributors;
    if (!Array.isArray(list)) {
      fail('invalid-field', 'contributors', 'contributors must be a list of { name, role }');
    } else {
      list.forEach((entry: unknown, index) => {
        const node: unknown = document.getIn(['contributors', index], true);
        const range = typeof node === 'object' && node !== null && 'range' in node ? node.range : undefined;
        const line = Array.isArray(range) && typeof range[0] === 'number' ? lineCounter.linePos(range[0]).line + 1 : lineOf('contributors');
        const name = isRecord(entry) ? entry.name : undefined;
        const role = isRecord(entry) ? entry.role : undefined;
        const extra = isRecord(entry) ? Object.keys(entry).filter((key) => key !== 'name' && key !== 'role') : [];
        if (typeof name !== 'string' || name.trim() === '' || typeof role !== 'string' || role.trim() === '' || extra.length > 0) {
          errors.push(
            policyFormatError(
              'invalid-field',
              `contributor ${index + 1} must have exactly a non-empty "name" and "role"${extra.length > 0 ? ` (unexpected: ${extra.join(', ')})` : ''}`,
              file,
              line,
            ),
          );
        } else {
          contributors.push({ name: name.trim(), role: role.trim() });
        }
      });
    }
  }

  let adaptedFrom: DocumentVersionRef | null = null;
  if ('adaptedFrom' in fields) {
    const value = fields.adaptedFrom;
    const parsed = typeof value === 'string' ? parseDocumentVersionRef(value) : null;
    if (parsed === null) {
      fail('invalid-adapted-from', 'adaptedFrom', 'adaptedFrom must be written <document-slug>@<MAJOR.MINOR>');
    } else if (!parsed.ok) {
      fail('invalid-adapted-from', 'adaptedFrom', `adaptedFrom: ${parsed.error}`);
    } else if (slug !== null && parsed.ref.slug === slug) {
      fail('invalid-adapted-from', 'adaptedFrom', `a document cannot be adapted from itself ("${formatDocumentVersionRef(parsed.ref)}")`);
    } else {
      adaptedFrom = parsed.ref;
    }
  }

  const scanned = scanSections(split.body, { file, lineOffset: split.bodyLineOffset });
  errors.push(...scanned.errors);
  if (scanned.sections.length === 0) {
    errors.push(
      policyFormatError('no-sections', 'a policy version needs at least one "##" section heading', file, split.bodyLineOffset + 1),
    );
  }

  if (
    errors.length > 0 ||
    slug === null ||
    title === null ||
    organisation === null ||
    version === null ||
    publishedOn === null ||
    summaryOfChanges === null ||
    licence === null
  ) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    version: {
      slug,
      title,
      organisation,
      version,
      publishedOn,
      summaryOfChanges,
      contributors,
      licence,
      adaptedFrom,
      supersededNotice,
      sections: scanned.sections,
      body: split.body,
      file,
    },
  };
}

/** The version file for metadata and a body; parsePolicyVersion reads back the same metadata and sections. */
export function serializePolicyVersion(metadata: PolicyVersionMetadata, body: string): string {
  const frontMatter: Record<string, unknown> = {
    slug: metadata.slug,
    title: metadata.title,
    organisation: metadata.organisation,
    version: metadata.version,
    publishedOn: metadata.publishedOn,
    summaryOfChanges: metadata.summaryOfChanges,
    contributors: metadata.contributors.map(({ name, role }) => ({ name, role })),
    licence: metadata.licence,
  };
  if (metadata.adaptedFrom) frontMatter.adaptedFrom = formatDocumentVersionRef(metadata.adaptedFrom);
  if (metadata.supersededNotice) frontMatter.supersededNotice = metadata.supersededNotice;
  const normalisedBody = body.replace(/\r\n?/g, '\n');
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${normalisedBody.startsWith('\n') ? '' : '\n'}${normalisedBody}`;
}

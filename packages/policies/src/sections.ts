import { EXPLICIT_ANCHOR_PATTERN, MAX_ANCHOR_LENGTH, slugifyHeading } from './anchor.js';
import { policyFormatError, type PolicyFormatError } from './errors.js';

/** One citable part of a policy version: a heading (## or deeper) and the Markdown under it. */
export interface PolicySection {
  anchor: string;
  /** The heading text as written, without the `{#anchor}` suffix. */
  title: string;
  /** Markdown between this heading and the next heading of any level, blank edge lines removed. */
  body: string;
  /** 2 for ##, 3 for ###, … */
  level: number;
  /** The nearest earlier section with a lower level; null at the top. */
  parentAnchor: string | null;
  /** 0-based index in document order. */
  position: number;
  /** 1-based line of the heading (in the file when a lineOffset was given). */
  line: number;
}

export interface SectionTreeNode extends PolicySection {
  children: SectionTreeNode[];
}

export interface ParseSectionsOptions {
  file?: string | null;
  /** Lines before the body in its file (front matter), so errors and `line` point into the file. */
  lineOffset?: number;
}

export type PolicyBodyParseResult =
  | { ok: true; sections: PolicySection[] }
  | { ok: false; errors: PolicyFormatError[]; sections: PolicySection[] };

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BLOCK_START = /^ {0,3}(?:[-*+>|]|\d+[.)]|#)/;

/**
 * The longest heading line, "##" and any {#anchor} included. A heading is a title, not a
 * paragraph; the bound keeps every per-heading step (anchor, slug, messages) small, and
 * an over-long heading is a plain format error with its line rather than a slow save.
 */
export const MAX_HEADING_LINE_LENGTH = 300;

/*
 * The heading line is taken apart by hand rather than with the patterns this replaces,
 * /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/ (heading), /(?:^|[ \t]+)#+[ \t]*$/ (closing
 * hashes) and /[ \t]*\{#([^}]*)\}$/ (explicit anchor): each retried a run of spaces,
 * "#" or "{#" from every position in it, so one 80,000-character heading line took
 * 26-54 s in savePolicyDraft. The functions below keep those patterns' exact meaning and
 * look at each character a bounded number of times.
 */

const isSpaceOrTab = (char: string | undefined): boolean => char === ' ' || char === '\t';

/** The index after the last character of text[start, end) that is not a space or tab. */
function endWithoutSpacesAndTabs(text: string, start: number, end: number): number {
  let at = end;
  while (at > start && isSpaceOrTab(text[at - 1])) at -= 1;
  return at;
}

/** Trailing spaces and tabs removed (what /[ \t]+$/ removed). */
function trimEndSpacesAndTabs(text: string): string {
  return text.slice(0, endWithoutSpacesAndTabs(text, 0, text.length));
}

/**
 * An ATX heading: up to three spaces, one to six "#", then the end of the line or a space
 * or tab; the content is the rest without surrounding spaces and tabs. Like the pattern
 * it replaces (whose "." stops at them), a line separator (U+2028/U+2029) after the
 * hashes makes the line not a heading.
 */
function parseAtxHeading(line: string): { level: number; content: string } | null {
  let at = 0;
  while (at < 3 && line[at] === ' ') at += 1;
  const hashesStart = at;
  while (line[at] === '#' && at - hashesStart < 7) at += 1;
  const level = at - hashesStart;
  if (level < 1 || level > 6) return null;
  if (at < line.length && !isSpaceOrTab(line[at])) return null;
  if (line.includes('\u2028', at) || line.includes('\u2029', at)) return null;
  while (isSpaceOrTab(line[at])) at += 1;
  return { level, content: line.slice(at, endWithoutSpacesAndTabs(line, at, line.length)) };
}

/** A closing sequence of "#" (the whole content, or after a space or tab) is not part of the title. */
function stripClosingHashes(content: string): string {
  const end = endWithoutSpacesAndTabs(content, 0, content.length);
  let hashes = end;
  while (hashes > 0 && content[hashes - 1] === '#') hashes -= 1;
  if (hashes === end) return content;
  if (hashes === 0) return '';
  if (!isSpaceOrTab(content[hashes - 1])) return content;
  return content.slice(0, endWithoutSpacesAndTabs(content, 0, hashes));
}

/**
 * A trailing `{#anchor}`: the content ends with "}", and the anchor runs from the first
 * "{#" after any earlier "}" (an anchor cannot contain "}"). `index` is where the suffix
 * starts, spaces and tabs before it included.
 */
function explicitAnchorOf(content: string): { index: number; anchor: string } | null {
  const close = content.length - 1;
  if (content[close] !== '}') return null;
  const open = content.indexOf('{#', content.lastIndexOf('}', close - 1) + 1);
  if (open === -1 || open + 1 >= close) return null;
  return { index: endWithoutSpacesAndTabs(content, 0, open), anchor: content.slice(open + 2, close) };
}

interface Heading {
  index: number;
  level: number;
  content: string;
  /** The whole line's length, checked against MAX_HEADING_LINE_LENGTH. */
  lineLength: number;
}

function splitLines(markdown: string): string[] {
  return markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

/** lines[from, to) without blank lines at either end or trailing spaces, joined. */
function trimBlankEdgeLines(lines: string[], from: number, to: number): string {
  let start = from;
  let end = to;
  while (start < end && isBlank(lines[start] ?? '')) start += 1;
  while (end > start && isBlank(lines[end - 1] ?? '')) end -= 1;
  if (start === end) return '';
  return lines
    .slice(start, end)
    .map(trimEndSpacesAndTabs)
    .join('\n');
}

/**
 * Headings outside fenced code, plus the setext headings we refuse (an underline of
 * `---` or `===` straight after a paragraph line would render as a heading that we
 * would silently not treat as a section).
 */
function findHeadings(lines: string[]): { headings: Heading[]; setextLines: number[] } {
  const headings: Heading[] = [];
  const setextLines: number[] = [];
  let closingFence: RegExp | null = null;
  let previousIsParagraph = false;
  lines.forEach((line, index) => {
    if (closingFence !== null) {
      if (closingFence.test(line)) closingFence = null;
      previousIsParagraph = false;
      return;
    }
    const fence = FENCE_OPEN.exec(line)?.[1];
    if (fence) {
      closingFence = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
      previousIsParagraph = false;
      return;
    }
    const heading = parseAtxHeading(line);
    if (heading) {
      headings.push({ index, level: heading.level, content: stripClosingHashes(heading.content), lineLength: line.length });
      previousIsParagraph = false;
      return;
    }
    if (previousIsParagraph && SETEXT_UNDERLINE.test(line)) setextLines.push(index);
    previousIsParagraph = !isBlank(line) && !BLOCK_START.test(line) && !/^( {4}|\t)/.test(line);
  });
  return { headings, setextLines };
}

/** The section's anchor: the explicit one if written, else the heading's slug; each problem reported once. */
function checkedAnchor(title: string, explicit: string | undefined, report: (message: string) => void): string {
  if (explicit !== undefined) {
    const anchor = explicit.trim();
    if (!EXPLICIT_ANCHOR_PATTERN.test(anchor)) {
      report(`explicit anchor "{#${anchor}}" must be lower-case letters and digits joined by single hyphens`);
    }
    return anchor;
  }
  const anchor = title === '' ? '' : slugifyHeading(title);
  if (anchor === '' && title !== '') {
    report(`heading "${title}" has no letters or digits to make an anchor from; add one with {#anchor}`);
  } else if (anchor.length > MAX_ANCHOR_LENGTH) {
    // Only possible when lower-casing lengthens the text (e.g. "İ" becomes two characters).
    report(`the anchor made from heading "${title}" would be longer than ${MAX_ANCHOR_LENGTH} characters; choose a shorter one with {#anchor}`);
  }
  return anchor;
}

/**
 * Sections in document order, and every format error in them. A single `#` heading
 * before the first section is the document's title and is ignored (the title lives in
 * the front matter); text outside a section is refused, because nothing could cite it.
 */
export function scanSections(
  markdownBody: string,
  options: ParseSectionsOptions = {},
): { sections: PolicySection[]; errors: PolicyFormatError[] } {
  const file = options.file ?? null;
  const lineOffset = options.lineOffset ?? 0;
  const lines = splitLines(markdownBody);
  const { headings, setextLines } = findHeadings(lines);
  const errors: PolicyFormatError[] = [];
  const fileLine = (index: number): number => index + 1 + lineOffset;

  for (const index of setextLines) {
    errors.push(
      policyFormatError(
        'setext-heading',
        'underlined (setext) headings are not sections: write the heading as "## Heading" on one line',
        file,
        fileLine(index),
      ),
    );
  }

  // Each section heading with the line its body ends at: the next heading of any level.
  const sectionHeadings: (Heading & { bodyEnd: number })[] = [];
  let titleHeadingSeen = false;
  headings.forEach((heading, at) => {
    if (heading.level === 1) {
      if (sectionHeadings.length === 0 && !titleHeadingSeen) {
        titleHeadingSeen = true;
      } else {
        errors.push(
          policyFormatError(
            'misplaced-title-heading',
            'a "#" heading is only allowed once, as the title before the first section; use "##" or deeper for sections',
            file,
            fileLine(heading.index),
          ),
        );
      }
      return;
    }
    sectionHeadings.push({ ...heading, bodyEnd: headings[at + 1]?.index ?? lines.length });
  });

  // Before the first section only "#" headings may stand (extra ones are already reported
  // as misplaced; do not report them twice). Headings are in line order, so one pointer
  // walks them alongside the lines.
  const firstSectionIndex = sectionHeadings[0]?.index ?? lines.length;
  let strayIndex = -1;
  for (let index = 0, at = 0; index < firstSectionIndex && strayIndex === -1; index += 1) {
    while ((headings[at]?.index ?? Infinity) < index) at += 1;
    if (headings[at]?.index !== index && !isBlank(lines[index] ?? '')) strayIndex = index;
  }
  if (strayIndex !== -1) {
    errors.push(
      policyFormatError(
        'content-outside-section',
        'text before the first "##" heading cannot be cited; put it in a section (e.g. "## Introduction")',
        file,
        fileLine(strayIndex),
      ),
    );
  }

  const sections: PolicySection[] = [];
  const firstLineOfAnchor = new Map<string, number>();
  const parents: { level: number; anchor: string }[] = [];

  sectionHeadings.forEach((heading, position) => {
    const line = fileLine(heading.index);
    const explicit = explicitAnchorOf(heading.content);
    const title = (explicit ? heading.content.slice(0, explicit.index) : heading.content).trim();
    let anchor: string;
    if (heading.lineLength > MAX_HEADING_LINE_LENGTH) {
      errors.push(
        policyFormatError(
          'heading-too-long',
          `a heading line may be at most ${MAX_HEADING_LINE_LENGTH} characters, and this one has ${heading.lineLength}: shorten the heading and put the detail in the section's text`,
          file,
          line,
        ),
      );
      // Best effort for parseSections, from a bounded part; the heading is refused anyway, so nothing else is checked.
      const explicitAnchor = explicit?.anchor.trim();
      anchor =
        explicitAnchor !== undefined && explicitAnchor.length <= MAX_ANCHOR_LENGTH
          ? explicitAnchor
          : slugifyHeading(title.slice(0, MAX_HEADING_LINE_LENGTH));
    } else {
      if (title === '') {
        errors.push(policyFormatError('empty-section-title', 'a section heading needs a title', file, line));
      }
      anchor = checkedAnchor(title, explicit?.anchor, (message) => errors.push(policyFormatError('invalid-anchor', message, file, line)));
      const firstLine = firstLineOfAnchor.get(anchor);
      if (firstLine !== undefined && anchor !== '') {
        errors.push(
          policyFormatError(
            'duplicate-anchor',
            `anchor "${anchor}" is already used by the section on line ${firstLine}; give one of them an explicit {#anchor}`,
            file,
            line,
          ),
        );
      } else {
        firstLineOfAnchor.set(anchor, line);
      }
    }

    while (parents.length > 0 && (parents[parents.length - 1]?.level ?? 0) >= heading.level) parents.pop();
    const parentAnchor = parents[parents.length - 1]?.anchor ?? null;
    parents.push({ level: heading.level, anchor });

    sections.push({
      anchor,
      title,
      body: trimBlankEdgeLines(lines, heading.index + 1, heading.bodyEnd),
      level: heading.level,
      parentAnchor,
      position,
      line,
    });
  });

  return { sections, errors };
}

/** Best effort: the sections as written, even when some break a rule. Use parsePolicyBody to validate. */
export function parseSections(markdownBody: string, options: ParseSectionsOptions = {}): PolicySection[] {
  return scanSections(markdownBody, options).sections;
}

/**
 * Sections of a body without front matter (a draft, or the part of a version file after
 * its front matter), validated: at least one section, unique anchors, titled headings.
 */
export function parsePolicyBody(markdownBody: string, options: ParseSectionsOptions = {}): PolicyBodyParseResult {
  const { sections, errors } = scanSections(markdownBody, options);
  if (sections.length === 0) {
    errors.push(
      policyFormatError(
        'no-sections',
        'a policy needs at least one "##" section heading',
        options.file ?? null,
        (options.lineOffset ?? 0) + 1,
      ),
    );
  }
  return errors.length === 0 ? { ok: true, sections } : { ok: false, errors, sections };
}

/** Nest a flat, document-ordered list by parentAnchor. */
export function buildSectionTree(sections: readonly PolicySection[]): SectionTreeNode[] {
  const roots: SectionTreeNode[] = [];
  const byAnchor = new Map<string, SectionTreeNode>();
  for (const section of sections) {
    const node: SectionTreeNode = { ...section, children: [] };
    const parent = section.parentAnchor === null ? undefined : byAnchor.get(section.parentAnchor);
    if (parent) parent.children.push(node);
    else roots.push(node);
    if (!byAnchor.has(section.anchor)) byAnchor.set(section.anchor, node);
  }
  return roots;
}

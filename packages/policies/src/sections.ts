import { EXPLICIT_ANCHOR_PATTERN, slugifyHeading } from './anchor.js';
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

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const CLOSING_HASHES = /(?:^|[ \t]+)#+[ \t]*$/;
const EXPLICIT_ANCHOR = /[ \t]*\{#([^}]*)\}$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
const BLOCK_START = /^ {0,3}(?:[-*+>|]|\d+[.)]|#)/;

interface Heading {
  index: number;
  level: number;
  content: string;
}

function splitLines(markdown: string): string[] {
  return markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
}

function isBlank(line: string): boolean {
  return line.trim() === '';
}

function trimBlankEdgeLines(lines: string[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start] ?? '')) start += 1;
  while (end > start && isBlank(lines[end - 1] ?? '')) end -= 1;
  return lines
    .slice(start, end)
    .map((line) => line.replace(/[ \t]+$/, ''))
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
  let fence: string | null = null;
  let previousIsParagraph = false;
  lines.forEach((line, index) => {
    if (fence !== null) {
      const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
      if (closing.test(line)) fence = null;
      previousIsParagraph = false;
      return;
    }
    const open = FENCE_OPEN.exec(line);
    if (open?.[1]) {
      fence = open[1];
      previousIsParagraph = false;
      return;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading?.[1]) {
      headings.push({ index, level: heading[1].length, content: (heading[2] ?? '').replace(CLOSING_HASHES, '') });
      previousIsParagraph = false;
      return;
    }
    if (previousIsParagraph && SETEXT_UNDERLINE.test(line)) setextLines.push(index);
    previousIsParagraph = !isBlank(line) && !BLOCK_START.test(line) && !/^( {4}|\t)/.test(line);
  });
  return { headings, setextLines };
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

  const sectionHeadings: Heading[] = [];
  let titleHeadingSeen = false;
  for (const heading of headings) {
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
      continue;
    }
    sectionHeadings.push(heading);
  }

  const firstSectionIndex = sectionHeadings[0]?.index ?? lines.length;
  // Extra "#" headings are already reported as misplaced; do not report them twice.
  const titleLevelIndexes = new Set(headings.filter((heading) => heading.level === 1).map((heading) => heading.index));
  const strayIndex = lines
    .slice(0, firstSectionIndex)
    .findIndex((line, index) => !titleLevelIndexes.has(index) && !isBlank(line));
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

  const allHeadingIndexes = headings.map((heading) => heading.index);
  const sections: PolicySection[] = [];
  const firstLineOfAnchor = new Map<string, number>();
  const parents: { level: number; anchor: string }[] = [];

  sectionHeadings.forEach((heading, position) => {
    const line = fileLine(heading.index);
    const explicit = EXPLICIT_ANCHOR.exec(heading.content);
    const title = (explicit ? heading.content.slice(0, explicit.index) : heading.content).trim();
    if (title === '') {
      errors.push(policyFormatError('empty-section-title', 'a section heading needs a title', file, line));
    }
    let anchor: string;
    if (explicit) {
      anchor = (explicit[1] ?? '').trim();
      if (!EXPLICIT_ANCHOR_PATTERN.test(anchor)) {
        errors.push(
          policyFormatError(
            'invalid-anchor',
            `explicit anchor "{#${anchor}}" must be lower-case letters and digits joined by single hyphens`,
            file,
            line,
          ),
        );
      }
    } else {
      anchor = slugifyHeading(title);
      if (anchor === '' && title !== '') {
        errors.push(
          policyFormatError(
            'invalid-anchor',
            `heading "${title}" has no letters or digits to make an anchor from; add one with {#anchor}`,
            file,
            line,
          ),
        );
      }
    }
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

    while (parents.length > 0 && (parents[parents.length - 1]?.level ?? 0) >= heading.level) parents.pop();
    const parentAnchor = parents[parents.length - 1]?.anchor ?? null;
    parents.push({ level: heading.level, anchor });

    const nextHeadingIndex = allHeadingIndexes.find((index) => index > heading.index) ?? lines.length;
    sections.push({
      anchor,
      title,
      body: trimBlankEdgeLines(lines.slice(heading.index + 1, nextHeadingIndex)),
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

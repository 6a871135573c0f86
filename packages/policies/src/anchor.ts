/**
 * Section anchors. A heading's anchor is its GitHub-style slug (lower case; everything
 * but letters, digits, marks, underscores, hyphens and spaces dropped; each space
 * becomes a hyphen), so links people already copy from rendered Markdown keep working.
 * This is our own implementation rather than github-slugger, which ships ESM only and
 * would break the CommonJS consumers' Jest runs.
 */

/** An anchor an author writes by hand with `{#...}`: lower-case ASCII words joined by hyphens. */
export const EXPLICIT_ANCHOR_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Anything slugifyHeading can produce (it keeps non-ASCII letters and underscores). */
const ANCHOR_PATTERN = /^[\p{L}\p{M}\p{N}_-]+$/u;

export function isValidAnchor(anchor: string): boolean {
  return ANCHOR_PATTERN.test(anchor) && anchor === anchor.toLowerCase();
}

/** Markdown inline syntax is not part of the rendered heading text, so it is not part of the slug. */
function stripInlineMarkdown(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`~]/g, '')
    .replace(/(^|\s)_+|_+(?=\s|$)/g, '$1');
}

export function slugifyHeading(text: string): string {
  return stripInlineMarkdown(text.trim())
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { citationLabel, findCitationReferences } from '@policy-commons/policies';
import type { CitationFieldsFragment } from '../../generated/graphql';
import { citationChipOf, type CitationChip } from '../citations/citation-chip';
import { isAllowedImageUrl, isPolicyReference, isSafeImageUrl, isSafeLinkUrl, pageImageHosts } from './safe-url';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

export interface RenderMarkdownOptions {
  /** The post's citations as the API resolved them, keyed by reference. */
  citations?: ReadonlyMap<string, CitationFieldsFragment>;
  /** References the API could not resolve (an unsaved post's), keyed by reference: why, in words. */
  problems?: ReadonlyMap<string, string>;
  /** Where images may load from besides the site; the page's own list (IMAGE_HOSTS) when left out. */
  imageHosts?: readonly string[];
  /** The site's origin; the page's when left out. */
  siteOrigin?: string;
}

/**
 * On the server there is no page to read the origin and image hosts from, and no DOM for
 * DOMPurify: the server renderer supplies them (entry-server.tsx), so a post renders there
 * exactly as in the browser and hydration finds the same HTML.
 */
interface ServerMarkdownSetting {
  purifier: ReturnType<typeof DOMPurify>;
  siteOrigin: string;
  imageHosts: readonly string[];
}
let serverSetting: ServerMarkdownSetting | null = null;

export function configureServerMarkdown(window: Parameters<typeof DOMPurify>[0], page: { siteOrigin: string; imageHosts: readonly string[] }): void {
  serverSetting = { purifier: DOMPurify(window), ...page };
  hooksInstalled = false;
}

function purifier(): ReturnType<typeof DOMPurify> {
  return serverSetting?.purifier ?? DOMPurify;
}

function siteOriginOf(options: RenderMarkdownOptions): string {
  return options.siteOrigin ?? serverSetting?.siteOrigin ?? (typeof location === 'undefined' ? 'http://localhost' : location.origin);
}

/** A link target `](…`, an autolink `<…`, a link label `[…`, or a definition `[x]: …`. */
const INSIDE_LINK_SYNTAX = /(?:\]\(\s*|<|\[)$|^\s{0,3}\[[^\]]+\]:\s*$/;

/**
 * Bare `policy:` references become `[ref](ref)` so they render as chips like linked
 * ones; references already inside link syntax, code spans or fences are left alone.
 */
export function linkBareCitationReferences(markdown: string): string {
  let result = '';
  let copied = 0;
  for (const found of findCitationReferences(markdown)) {
    const lineStart = markdown.lastIndexOf('\n', found.start - 1) + 1;
    if (INSIDE_LINK_SYNTAX.test(markdown.slice(lineStart, found.start))) continue;
    result += `${markdown.slice(copied, found.start)}[${found.raw}](${found.raw})`;
    copied = found.end;
  }
  return result + markdown.slice(copied);
}

function citationChipHtml(chip: CitationChip): string {
  const status = chip.status ?? 'UNRESOLVED';
  const statusHtml =
    chip.statusText && chip.statusHref
      ? ` <a class="citation-chip-status" href="${escapeHtml(chip.statusHref)}" data-testid="citation-chip-status">${escapeHtml(chip.statusText)}</a>`
      : '';
  return (
    `<span class="citation-chip" data-testid="citation-chip" data-status="${status}" data-policy-ref="${escapeHtml(chip.reference)}">` +
    `<a class="citation-chip-section" href="${escapeHtml(chip.href)}" data-testid="citation-chip-link">` +
    `<span class="citation-chip-document">${escapeHtml(chip.documentLabel)}</span> ` +
    `<span class="citation-chip-version">${escapeHtml(chip.version)}</span> ` +
    `<span class="citation-chip-section-title">§ ${escapeHtml(chip.sectionLabel)}</span></a>${statusHtml}</span>`
  );
}

/** A reference saving would refuse: shown as an error in the chip's place, with the reason. */
function citationErrorHtml(reference: string, problem: string): string {
  return (
    `<span class="citation-chip citation-chip-error" data-testid="citation-chip" data-status="ERROR" data-policy-ref="${escapeHtml(reference)}">` +
    `<span class="citation-chip-error-label">Not a valid citation:</span> <code>${escapeHtml(reference)}</code> ` +
    `<span class="citation-chip-problem" data-testid="citation-chip-problem">${escapeHtml(problem)}</span></span>`
  );
}

function normalisedLabel(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function policyReferenceHtml(href: string, labelHtml: string, labelText: string, options: RenderMarkdownOptions): string {
  const resolved = options.citations?.get(href);
  const problem = resolved ? undefined : options.problems?.get(href);
  const label = normalisedLabel(labelText);
  if (problem !== undefined) {
    const error = citationErrorHtml(href, problem);
    return label === '' || label === normalisedLabel(href) ? error : `<span class="policy-ref-label">${labelHtml}</span> ${error}`;
  }
  const chip = citationChipOf(href, resolved);
  if (!chip) return `<span class="policy-ref" data-policy-ref="${escapeHtml(href)}">${labelHtml}</span>`;
  // The author's own words stay, unless they only repeat what the chip says (as a copied citation's label does).
  const chipText = normalisedLabel(citationLabel({ documentTitle: chip.documentLabel, version: chip.version, sectionTitle: chip.sectionLabel }));
  const redundant = label === '' || label === normalisedLabel(href) || label === chipText || normalisedLabel(chip.sectionLabel).includes(label);
  return redundant ? citationChipHtml(chip) : `<span class="policy-ref-label">${labelHtml}</span> ${citationChipHtml(chip)}`;
}

/**
 * The options of the parse in progress. marked's renderer is built once: building one
 * compiles its rules again, which took twice as long as parsing a post (and a question
 * page parses every answer and comment while it hydrates). parse is synchronous, so the
 * renderer reads the options from here.
 */
let current: RenderMarkdownOptions = {};

// Two layers: the renderer never emits raw HTML or unsafe URLs, and DOMPurify
// cleans whatever gets through anyway (marked bugs, entity tricks, mXSS).
function createMarked(): Marked {
  return new Marked({
    gfm: true,
    breaks: false,
    renderer: {
      // Raw HTML in a post is shown as text, never interpreted.
      html({ text }: Tokens.HTML | Tokens.Tag): string {
        return escapeHtml(text);
      },
      link({ href, title, tokens, text }: Tokens.Link): string {
        const label = this.parser.parseInline(tokens);
        if (isPolicyReference(href)) {
          return policyReferenceHtml(href, label, text, current);
        }
        if (!isSafeLinkUrl(href)) {
          return `<span class="unsafe-link">${label}</span>`;
        }
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(href)}"${titleAttribute}>${label}</a>`;
      },
      image({ href, title, text }: Tokens.Image): string {
        if (!isSafeImageUrl(href)) {
          return escapeHtml(text);
        }
        // An image from a host the operator has not allowed would let its owner see who reads
        // the post (and the CSP blocks it anyway): it becomes a link the reader may choose to open.
        if (!isAllowedImageUrl(href, current.imageHosts ?? serverSetting?.imageHosts ?? pageImageHosts(), siteOriginOf(current))) {
          let host = href;
          try {
            host = new URL(href, siteOriginOf(current)).host;
          } catch {
            // Not a URL a browser would load either; the link shows it as written.
          }
          return `<a href="${escapeHtml(href)}">${escapeHtml(text || 'Image')} (image on ${escapeHtml(host)})</a>`;
        }
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
        return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${titleAttribute} loading="lazy">`;
      },
    },
  });
}

let sharedMarked: Marked | undefined;

const FORBIDDEN_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed', 'base', 'link', 'meta'];

/** Links the site itself puts in a post (citation chips): ours to vouch for, unlike a member's. */
const SITE_LINK_CLASSES = ['citation-chip-section', 'citation-chip-status'];

/**
 * Every link a member wrote is user-generated: search engines are told not to count it as
 * ours ("ugc nofollow", which takes the point out of link spam), and the page it opens gets
 * neither a handle on this window nor our address.
 */
export const MEMBER_LINK_REL = 'ugc nofollow noopener noreferrer';

let hooksInstalled = false;

/** What DOMPurify keeps; set once, as parsing it on every call cost more than some posts' sanitising. */
const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: ['style', 'srcset', 'formaction', 'action'],
  ALLOW_UNKNOWN_PROTOCOLS: false,
};

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  purifier().setConfig(PURIFY_CONFIG);
  purifier().addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !isSafeLinkUrl(href)) node.removeAttribute('href');
      const siteLink = SITE_LINK_CLASSES.some((name) => node.classList.contains(name));
      if (node.hasAttribute('href') && !siteLink) node.setAttribute('rel', MEMBER_LINK_REL);
      else node.removeAttribute('rel');
      node.removeAttribute('target');
    }
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src');
      if (src !== null && !isSafeImageUrl(src)) node.removeAttribute('src');
    }
  });
}

/** Markdown from users to HTML that is safe to put in the page. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): string {
  installHooks();
  sharedMarked ??= createMarked();
  const outer = current;
  current = options;
  let html: string;
  try {
    html = sharedMarked.parse(linkBareCitationReferences(source), { async: false });
  } finally {
    current = outer;
  }
  return purifier().sanitize(html);
}

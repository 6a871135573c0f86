import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { isPolicyReference, isSafeImageUrl, isSafeLinkUrl } from './safe-url';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]);
}

// Two layers: the renderer never emits raw HTML or unsafe URLs, and DOMPurify
// cleans whatever gets through anyway (marked bugs, entity tricks, mXSS).
const markdown = new Marked({
  gfm: true,
  breaks: false,
  renderer: {
    // Raw HTML in a post is shown as text, never interpreted.
    html({ text }: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link): string {
      const label = this.parser.parseInline(tokens);
      if (isPolicyReference(href)) {
        return `<span class="policy-ref" data-policy-ref="${escapeHtml(href)}">${label}</span>`;
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
      const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
      return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}"${titleAttribute} loading="lazy">`;
    },
  },
});

const FORBIDDEN_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed', 'base', 'link', 'meta'];

let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !isSafeLinkUrl(href)) node.removeAttribute('href');
      if (node.hasAttribute('href')) node.setAttribute('rel', 'nofollow noopener noreferrer');
      node.removeAttribute('target');
    }
    if (node.tagName === 'IMG') {
      const src = node.getAttribute('src');
      if (src !== null && !isSafeImageUrl(src)) node.removeAttribute('src');
    }
  });
}

/** Markdown from users to HTML that is safe to put in the page. */
export function renderMarkdown(source: string): string {
  installHooks();
  const html = markdown.parse(source, { async: false });
  return DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: ['style', 'srcset', 'formaction', 'action'],
    ALLOW_UNKNOWN_PROTOCOLS: false,
  });
}

import type { DigestContent } from './digest-content.js';

export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
}

export interface RenderContext {
  publicUrl: string;
  displayName: string;
  unsubscribeUrl: string;
  preview: boolean;
}

export const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** As on the site: a link that leaves it came from a member, and search engines are told not to count it as ours. */
export const MEMBER_LINK_REL = 'ugc nofollow noopener noreferrer';

/**
 * An `<a>` for the digest. Sections link to pages of the site by path; an address
 * elsewhere could only have come from what a member wrote, so it is marked as theirs, and
 * anything but http(s) stays text. Labels are always text: a title holding Markdown or HTML
 * never becomes a link.
 */
function anchor(publicUrl: string, target: string, labelHtml: string): string {
  if (isSitePath(target)) return `<a href="${escapeHtml(`${publicUrl}${target}`)}">${labelHtml}</a>`;
  if (target.startsWith(`${publicUrl}/`)) return `<a href="${escapeHtml(target)}">${labelHtml}</a>`;
  if (!/^https?:\/\//i.test(target)) return labelHtml;
  return `<a href="${escapeHtml(target)}" rel="${MEMBER_LINK_REL}">${labelHtml}</a>`;
}

const isSitePath = (target: string) => target.startsWith('/') && !target.startsWith('//');

/** The subject names what is inside, e.g. "3 new questions, 1 new answer — your Policy Commons digest". */
export function digestSubject(content: DigestContent, preview: boolean): string {
  const parts = content.sections.map((s) => s.summary).filter(Boolean);
  return `${preview ? '[Preview] ' : ''}${parts.join(', ')} — your Policy Commons digest`;
}

export function renderDigest(content: DigestContent, ctx: RenderContext): RenderedDigest {
  const url = (path: string) => (isSitePath(path) ? `${ctx.publicUrl}${path}` : path);
  const text: string[] = [`Hello ${ctx.displayName},`, '', ctx.preview ? 'A preview of your next digest: what happened since your last one.' : 'Here is what happened since your last digest.', ''];
  const html: string[] = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:640px;margin:auto;color:#1b1b1b">',
    `<p>Hello ${escapeHtml(ctx.displayName)},</p>`,
    `<p>${ctx.preview ? 'A preview of your next digest: what happened since your last one.' : 'Here is what happened since your last digest.'}</p>`,
  ];
  for (const section of content.sections) {
    text.push(section.heading.toUpperCase(), '');
    html.push(`<h2 style="font-size:18px">${escapeHtml(section.heading)}</h2><ul>`);
    for (const item of section.items) {
      text.push(`* ${item.title}${item.detail ? ` (${item.detail})` : ''}`, `  ${url(item.path)}`);
      html.push(`<li>${anchor(ctx.publicUrl, item.path, escapeHtml(item.title))}${item.detail ? ` <span style="color:#555">${escapeHtml(item.detail)}</span>` : ''}</li>`);
    }
    for (const more of section.more) {
      text.push(`* and ${more.count} more in ${more.label}: ${url(more.path)}`);
      html.push(`<li>and ${anchor(ctx.publicUrl, more.path, `${more.count} more in ${escapeHtml(more.label)}`)}</li>`);
    }
    text.push('');
    html.push('</ul>');
  }
  text.push('--', `Change how often you get this: ${url('/settings/notifications')}`, `Unsubscribe from digests: ${ctx.unsubscribeUrl}`);
  html.push(
    '<hr><p style="font-size:13px;color:#555">',
    `<a href="${escapeHtml(url('/settings/notifications'))}">Change how often you get this</a> · `,
    `<a href="${escapeHtml(ctx.unsubscribeUrl)}">Unsubscribe from digests</a></p></body></html>`,
  );
  return { subject: digestSubject(content, ctx.preview), text: text.join('\n'), html: html.join('\n') };
}

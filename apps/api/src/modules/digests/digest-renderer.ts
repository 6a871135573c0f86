import escapeHtml from 'escape-html';
import type { DigestContent, DigestItem } from './digest-content.js';
import { MAIL_TEXT_LIMITS, mailText } from './mail-text.js';

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

/**
 * Everything a member wrote (their name, titles, details, where more is listed) is made one
 * bounded line (mail-text.ts) before it is placed, and escaped where it meets HTML; a
 * title holding a line break cannot add a line of its own to the plain-text digest.
 */
export function renderDigest(content: DigestContent, ctx: RenderContext): RenderedDigest {
  const url = (path: string) => mailText(isSitePath(path) ? `${ctx.publicUrl}${path}` : path, MAX_URL);
  const name = mailText(ctx.displayName, MAIL_TEXT_LIMITS.name);
  const intro = ctx.preview ? 'A preview of your next digest: what happened since your last one.' : 'Here is what happened since your last digest.';
  const text: string[] = [`Hello ${name},`, '', intro, ''];
  const html: string[] = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;max-width:640px;margin:auto;color:#1b1b1b">',
    `<p>Hello ${escapeHtml(name)},</p>`,
    `<p>${intro}</p>`,
  ];
  for (const section of content.sections) {
    text.push(section.heading.toUpperCase(), '');
    html.push(`<h2 style="font-size:18px">${escapeHtml(section.heading)}</h2><ul>`);
    for (const item of section.items) {
      const { title, detail } = boundedItem(item);
      text.push(`* ${title}${detail ? ` (${detail})` : ''}`, `  ${url(item.path)}`);
      html.push(`<li>${anchor(ctx.publicUrl, item.path, escapeHtml(title))}${detail ? ` <span style="color:#555">${escapeHtml(detail)}</span>` : ''}</li>`);
    }
    for (const more of section.more) {
      const label = mailText(more.label, MAIL_TEXT_LIMITS.label);
      text.push(`* and ${more.count} more in ${label}: ${url(more.path)}`);
      html.push(`<li>and ${anchor(ctx.publicUrl, more.path, `${more.count} more in ${escapeHtml(label)}`)}</li>`);
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

/** Longer than any address the site makes; a member's link past it is not one anybody should follow from a mail. */
const MAX_URL = 2000;

function boundedItem(item: DigestItem): { title: string; detail: string } {
  return { title: mailText(item.title, MAIL_TEXT_LIMITS.title), detail: item.detail ? mailText(item.detail, MAIL_TEXT_LIMITS.detail) : '' };
}

/**
 * What a new member may post. Spam arrives through fresh accounts, so until an account
 * is a few days old or has a few posts that nobody removed, its posts may carry only a
 * couple of links and come at a slower pace (Discourse's "new user" trust level, reduced
 * to the two rules that matter here). Pure: the caller brings the account and the body.
 */

/** An account younger than this many days … */
export const NEW_MEMBER_DAYS = 3;
/** … with fewer than this many posts still shown is a new member. */
export const NEW_MEMBER_POSTS = 3;
/** Links a new member's post may hold. */
export const NEW_MEMBER_MAX_LINKS = 2;
/** Posts a new member may make per window. */
export const NEW_MEMBER_POSTS_PER_WINDOW = 5;
export const NEW_MEMBER_WINDOW_SECONDS = 10 * 60;

export interface MemberStanding {
  createdAt: Date;
  /** Their questions, answers and comments that are neither hidden nor deleted (counting stops at NEW_MEMBER_POSTS). */
  visiblePosts: number;
}

export function isNewMember(member: MemberStanding, now: Date = new Date()): boolean {
  return !isPastNewMemberAge(member.createdAt, now) && member.visiblePosts < NEW_MEMBER_POSTS;
}

/** An account this old is established whatever it posted. */
export function isPastNewMemberAge(createdAt: Date, now: Date = new Date()): boolean {
  return now.getTime() - createdAt.getTime() >= NEW_MEMBER_DAYS * 24 * 3600 * 1000;
}

/**
 * One pass over the text, three alternatives, each a single character class repeated once,
 * so matching stays linear whatever the input (no nested or overlapping quantifiers):
 *  1. the target of an inline Markdown link or image: `](target`
 *  2. an autolink: `<scheme:…>`
 *  3. a bare URL, as GFM links them: `http(s)://…`, `ftp://…`, `www.…`
 * Each site address counts once, however often it appears: `[https://a.example](https://a.example)`
 * is one link, as is the same address pasted twice.
 */
const LINK_PATTERN = /\]\(\s*<?([^\s)>]*)|<([a-z][a-z0-9+.-]*:[^\s<>]*)>|\b((?:https?:\/\/|ftp:\/\/|www\.)[^\s<>()[\]]*)/gi;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Whether a link target leads off the site. Relative links and `policy:` citations stay on
 * it (citing policy sections is what answers are for), so they never count.
 */
function leavesTheSite(target: string): boolean {
  if (/^policy:/i.test(target)) return false;
  return SCHEME.test(target) || target.startsWith('//') || /^www\./i.test(target);
}

/** The same address however it was written: no scheme, no `www.`, no trailing slash, any case. */
const addressKey = (target: string) =>
  target
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:(\/\/)?/, '')
    .replace(/^\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/$/, '');

/** How many different addresses on other sites the Markdown links to. */
export function countLinks(markdown: string): number {
  const addresses = new Set<string>();
  for (const match of markdown.matchAll(LINK_PATTERN)) {
    const target = match[1] ?? match[2] ?? match[3] ?? '';
    if (leavesTheSite(target)) addresses.add(addressKey(target));
  }
  return addresses.size;
}

/** Why a new member may not post this body, or null when they may. */
export function linkProblem(body: string): string | null {
  const links = countLinks(body);
  if (links <= NEW_MEMBER_MAX_LINKS) return null;
  return (
    `New members can include at most ${NEW_MEMBER_MAX_LINKS} links to other sites in a post; this one has ${links}. ` +
    `Remove some, or post them once your account is ${NEW_MEMBER_DAYS} days old or has ${NEW_MEMBER_POSTS} posts.`
  );
}

export const MIN_TAGS = 1;
export const MAX_TAGS = 5;
/** As the api's tags table allows. */
export const MAX_TAG_LENGTH = 35;
const TAG_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ParsedTags {
  tags: string[];
  error: string | null;
}

/**
 * One tag as typed to the slug it is stored as, the api's way: "Parish Councils" and
 * "parish_councils" become parish-councils (lower case; spaces, underscores and runs of
 * hyphens become one hyphen, none at either end).
 */
export function tagSlugOf(typed: string): string {
  const lower = typed.trim().toLowerCase();
  if (lower.length > MAX_TAG_LENGTH * 4) return lower;
  return lower
    .split(/[\s_-]+/)
    .filter((part) => part.length > 0)
    .join('-');
}

/** Tags as typed ("Social Media, parish councils") to distinct slugs, with the first problem found. */
export function parseTags(input: string): ParsedTags {
  const tags: string[] = [];
  for (const piece of input.split(',')) {
    const tag = tagSlugOf(piece);
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  const invalid = tags.find((tag) => tag.length > MAX_TAG_LENGTH || !TAG_SLUG.test(tag));
  if (invalid !== undefined) {
    const shown = invalid.length > MAX_TAG_LENGTH ? `${invalid.slice(0, MAX_TAG_LENGTH)}…` : invalid;
    return { tags, error: `"${shown}" is not a tag: use letters, digits and hyphens, up to ${MAX_TAG_LENGTH} characters.` };
  }
  if (tags.length < MIN_TAGS) return { tags, error: 'Add at least one tag.' };
  if (tags.length > MAX_TAGS) return { tags, error: `Use at most ${MAX_TAGS} tags.` };
  return { tags, error: null };
}

/** The tag being typed (after the last comma) and what comes before it, for suggestions that complete it. */
export function tagBeingTyped(input: string): { before: string; typing: string } {
  const comma = input.lastIndexOf(',');
  return { before: comma === -1 ? '' : `${input.slice(0, comma + 1)} `, typing: input.slice(comma + 1) };
}

export const MIN_TAGS = 1;
export const MAX_TAGS = 5;
const TAG_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface ParsedTags {
  tags: string[];
  error: string | null;
}

/** Tags as typed ("local-government, social-media parish") to distinct slugs, with the first problem found. */
export function parseTags(input: string): ParsedTags {
  const tags: string[] = [];
  for (const word of input.split(/[\s,]+/)) {
    if (word !== '' && !tags.includes(word)) tags.push(word);
  }
  const invalid = tags.find((tag) => !TAG_SLUG.test(tag));
  if (invalid !== undefined) {
    return { tags, error: `"${invalid}" is not a tag: use lowercase letters, digits and single hyphens.` };
  }
  if (tags.length < MIN_TAGS) return { tags, error: 'Add at least one tag.' };
  if (tags.length > MAX_TAGS) return { tags, error: `Use at most ${MAX_TAGS} tags.` };
  return { tags, error: null };
}

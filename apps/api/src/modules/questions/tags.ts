import { SLUG_PATTERN } from '../../common/slugs.js';
import { QuestionsException, QuestionsExceptionCode } from './questions.exception.js';

export const MIN_TAGS = 1;
export const MAX_TAGS = 5;
/** As the tags table allows. */
export const MAX_TAG_LENGTH = 35;

/**
 * One tag as typed to the slug it is stored as: "Parish Councils" and "parish_councils"
 * become "parish-councils" (lower case; spaces, underscores and runs of hyphens become one
 * hyphen; none at either end). Split rather than a pattern with anchors, so a long run of
 * hyphens costs its length; a tag far over the limit is returned as is, to be refused.
 */
export function tagSlugOf(typed: string): string {
  const lower = typed.trim().toLowerCase();
  if (lower.length > MAX_TAG_LENGTH * 4) return lower;
  return lower
    .split(/[\s_-]+/)
    .filter((part) => part.length > 0)
    .join('-');
}

/**
 * Tags as a question stores them: slugs (see tagSlugOf), each once, in the order given.
 * "Social Media" becomes "social-media"; anything that is still not a slug is refused.
 */
export function normaliseTags(tags: string[]): string[] {
  const unique = [...new Set(tags.map(tagSlugOf).filter((t) => t.length > 0))];
  if (unique.length < MIN_TAGS || unique.length > MAX_TAGS) {
    throw new QuestionsException(QuestionsExceptionCode.INVALID_TAGS, `Give between ${MIN_TAGS} and ${MAX_TAGS} tags.`, { field: 'tags' });
  }
  for (const tag of unique) {
    // Length first, so the pattern only ever reads a short tag.
    if (tag.length > MAX_TAG_LENGTH || !SLUG_PATTERN.test(tag)) {
      throw new QuestionsException(
        QuestionsExceptionCode.INVALID_TAGS,
        `"${tag.length > MAX_TAG_LENGTH ? `${tag.slice(0, MAX_TAG_LENGTH)}…` : tag}" is not a valid tag: use letters, digits and hyphens, up to ${MAX_TAG_LENGTH} characters (e.g. parish-councils).`,
        { field: 'tags' },
      );
    }
  }
  return unique;
}

/**
 * "1 answer", "2 answers", "0 views". English only: the product speaks en-GB, and
 * Intl.PluralRules would still need the two word forms from us.
 */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** Just the word, for layouts that style the number separately. */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

import { MAX_DOCUMENT_SLUG_LENGTH } from '@policy-commons/policies';

/**
 * The slug a title suggests: "Remote Working Policy (2026)" → remote-working-policy-2026.
 * Accents are dropped ("Café" → cafe), anything else not a letter or digit separates
 * words, and a long title is cut at a word so the slug stays within the limit.
 */
export function slugFromTitle(title: string): string {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > MAX_DOCUMENT_SLUG_LENGTH) break;
    slug = next;
  }
  return slug === '' ? (words[0] ?? '').slice(0, MAX_DOCUMENT_SLUG_LENGTH) : slug;
}

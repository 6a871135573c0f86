import type { AnswerFieldsFragment } from '../../generated/graphql';

/** Accepted answer first, then the most useful. */
export function orderAnswers<T extends Pick<AnswerFieldsFragment, 'isAccepted' | 'score' | 'createdAt'>>(answers: ReadonlyArray<T>): T[] {
  return [...answers].sort((a, b) => Number(b.isAccepted) - Number(a.isAccepted) || b.score - a.score || a.createdAt.localeCompare(b.createdAt));
}

import type { QuestionFilter, QuestionOrder } from '../../generated/graphql';

export type QuestionTab = 'newest' | 'active' | 'unanswered';

export const QUESTION_TABS: Array<{ tab: QuestionTab; label: string }> = [
  { tab: 'newest', label: 'Newest' },
  { tab: 'active', label: 'Active' },
  { tab: 'unanswered', label: 'Unanswered' },
];

export function questionTabFrom(value: string | null): QuestionTab {
  return value === 'active' || value === 'unanswered' ? value : 'newest';
}

/** The list query for a tab: "unanswered" is a filter, "active" an order. */
export function questionTabQuery(tab: QuestionTab, baseFilter: QuestionFilter): { filter: QuestionFilter; orderBy: QuestionOrder } {
  switch (tab) {
    case 'active':
      return { filter: baseFilter, orderBy: 'ACTIVE' };
    case 'unanswered':
      return { filter: { ...baseFilter, unanswered: true }, orderBy: 'NEWEST' };
    case 'newest':
      return { filter: baseFilter, orderBy: 'NEWEST' };
  }
}

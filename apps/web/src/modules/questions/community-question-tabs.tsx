import { Link, useSearchParams } from 'react-router';
import type { QuestionFilter, QuestionOrder } from '../../generated/graphql';
import { QuestionList } from './question-list';

export type QuestionTab = 'newest' | 'active' | 'unanswered';

const TABS: Array<{ tab: QuestionTab; label: string }> = [
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

export function QuestionTabs({ baseFilter }: { baseFilter: QuestionFilter }) {
  const [searchParams] = useSearchParams();
  const current = questionTabFrom(searchParams.get('tab'));
  const { filter, orderBy } = questionTabQuery(current, baseFilter);
  return (
    <section>
      <nav className="tabs" aria-label="Sort questions">
        {TABS.map(({ tab, label }) => (
          <Link key={tab} to={tab === 'newest' ? '?' : `?tab=${tab}`} aria-current={tab === current ? 'page' : undefined} className={tab === current ? 'tab active' : 'tab'} data-testid={`tab-${tab}`}>
            {label}
          </Link>
        ))}
      </nav>
      <QuestionList filter={filter} orderBy={orderBy} emptyText={current === 'unanswered' ? 'Every question here has an answer.' : 'No questions yet. Ask the first one.'} />
    </section>
  );
}

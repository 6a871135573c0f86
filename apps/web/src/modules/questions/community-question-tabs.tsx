import { Link, useSearchParams } from 'react-router';
import type { QuestionFilter } from '../../generated/graphql';
import { QuestionList } from './question-list';
import { QUESTION_TABS, questionTabFrom, questionTabQuery } from './question-tabs';

export function QuestionTabs({ baseFilter }: { baseFilter: QuestionFilter }) {
  const [searchParams] = useSearchParams();
  const current = questionTabFrom(searchParams.get('tab'));
  const { filter, orderBy } = questionTabQuery(current, baseFilter);
  return (
    <section>
      <nav className="tabs" aria-label="Sort questions">
        {QUESTION_TABS.map(({ tab, label }) => (
          <Link key={tab} to={tab === 'newest' ? '?' : `?tab=${tab}`} aria-current={tab === current ? 'page' : undefined} className={tab === current ? 'tab active' : 'tab'} data-testid={`tab-${tab}`}>
            {label}
          </Link>
        ))}
      </nav>
      <QuestionList filter={filter} orderBy={orderBy} emptyText={current === 'unanswered' ? 'Every question here has an answer.' : 'No questions yet. Ask the first one.'} />
    </section>
  );
}

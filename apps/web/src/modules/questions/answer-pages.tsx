import { Link } from 'react-router';

/** Answers on one page of a question, as Stack Overflow shows them; a longer question continues at ?page=2. */
export const ANSWERS_PER_PAGE = 30;

/**
 * The page of answers an address asks for: 1 without ?page, the number for ?page=2 and on,
 * null for anything else ("?page=1" included: that page's one address has no parameter).
 */
export function answersPageOf(value: string | null): number | null {
  if (value === null) return 1;
  if (!/^[1-9]\d{0,3}$/.test(value) || value === '1') return null;
  return Number(value);
}

export function answersPagePath(questionPath: string, page: number): string {
  return page === 1 ? questionPath : `${questionPath}?page=${page}`;
}

/** Links to every page of a long question's answers; nothing when they fit on one. */
export function AnswerPages({ questionPath, page, pageCount }: { questionPath: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="answer-pages" aria-label="Pages of answers" data-testid="answer-pages">
      <ul>
        {Array.from({ length: pageCount }, (_, index) => index + 1).map((number) => (
          <li key={number}>
            {number === page ? (
              <span aria-current="page">{number}</span>
            ) : (
              <Link to={answersPagePath(questionPath, number)} rel={number === page + 1 ? 'next' : number === page - 1 ? 'prev' : undefined}>
                {number}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

import type { QuestionDetailQuery } from '../../generated/graphql';
import { JsonLd } from '../seo/json-ld';
import { PageMeta } from '../seo/page-meta';
import { plainTextExcerpt } from '../seo/plain-text';
import { useSiteOrigin } from '../seo/site-origin';
import { breadcrumbJsonLd, questionPageJsonLd, questionPath } from '../seo/structured-data';
import { ANSWERS_PER_PAGE, answersPagePath } from './answer-pages';

type Question = NonNullable<QuestionDetailQuery['question']>;

/**
 * What search engines and link previews read of a question page. Removed posts are left
 * out: a visitor (and so a crawler) sees a tombstone, not their text, and a removed
 * question's page is kept out of the index.
 */
export function QuestionPageMeta({ question, page = 1 }: { question: Question; page?: number }) {
  const origin = useSiteOrigin();
  const visible = question.moderation.visibility === 'VISIBLE';
  const readableAnswers = question.answers.filter((answer) => answer.moderation.visibility === 'VISIBLE');
  // A long question's later pages of answers are pages of their own (?page=2); otherwise the
  // page reads nothing from its query string (answers are found by #answer-<id>).
  const path = answersPagePath(questionPath(question.id), page);
  // Counted from the readable answers when they all fit on one page; a longer question's count
  // is its own (which may include a removed answer on another page: it cannot be told from here).
  const answerCount = question.answerCount > ANSWERS_PER_PAGE ? question.answerCount : undefined;
  const qaPage = visible ? questionPageJsonLd(origin, question, readableAnswers, { path, answerCount }) : null;
  return (
    <>
      <PageMeta title={question.title} description={(visible && plainTextExcerpt(question.body)) || question.title} path={path} type="article" noindex={!visible} />
      {qaPage ? <JsonLd data={qaPage} /> : null}
      <JsonLd
        data={breadcrumbJsonLd(origin, [
          { name: 'Home', path: '/' },
          { name: question.community.title, path: `/c/${encodeURIComponent(question.community.slug)}` },
          { name: question.title, path: questionPath(question.id) },
        ])}
      />
    </>
  );
}

import { useParams } from 'react-router';
import { FeedLink, feedUrls } from '../modules/layout/feed-link';
import { PermanentRedirect } from '../modules/layout/http-status';
import { tagSlugOf } from '../modules/questions/tag-input';
import { PageMeta } from '../modules/seo/page-meta';
import { QuestionList } from '../modules/questions/question-list';
import { TagFollowButton } from '../modules/subscriptions/tag-follow-button';

export function TagPage() {
  const { slug = '' } = useParams();
  const stored = tagSlugOf(slug);
  if (stored !== slug && stored !== '') return <PermanentRedirect to={`/t/${encodeURIComponent(stored)}`} />;
  return (
    <div className="tag-page">
      <FeedLink href={feedUrls.tag(slug)} title={`Questions tagged ${slug}`} />
      {/* Everything here comes from the address, like the title; "Load more" is not in it, so the canonical is the bare tag path. */}
      <PageMeta title={`Questions tagged ${slug}`} description={`Questions tagged ${slug} on Policy Commons, answered by practitioners with the policy text that applies.`} path={`/t/${encodeURIComponent(slug)}`} />
      <div className="title-row">
        <h1>
          Questions tagged <span className="tag">{slug}</span>
        </h1>
        <TagFollowButton slug={slug} />
      </div>
      <h2 className="visually-hidden">Questions</h2>
      <QuestionList filter={{ tag: slug }} emptyText="No questions with this tag yet." />
    </div>
  );
}

import { useParams } from 'react-router';
import { FeedLink, feedUrls } from '../modules/layout/feed-link';
import { QuestionList } from '../modules/questions/question-list';
import { TagFollowButton } from '../modules/subscriptions/tag-follow-button';

export function TagPage() {
  const { slug = '' } = useParams();
  return (
    <div className="tag-page">
      <FeedLink href={feedUrls.tag(slug)} title={`Questions tagged ${slug}`} />
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

import { useParams } from 'react-router';
import { CommunityHeader } from '../modules/communities/community-header';
import { FeedLink, feedUrls } from '../modules/layout/feed-link';
import { QuestionTabs } from '../modules/questions/community-question-tabs';

export function CommunityPage() {
  const { slug = '' } = useParams();
  return (
    <div className="community-page">
      <FeedLink href={feedUrls.community(slug)} title="Latest questions in this community" />
      <CommunityHeader slug={slug} />
      {/* The list's questions are h3s under the page's h1: this h2 keeps the outline whole. */}
      <h2 className="visually-hidden">Questions</h2>
      <QuestionTabs baseFilter={{ communitySlug: slug }} />
    </div>
  );
}

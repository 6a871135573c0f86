import { useParams } from 'react-router';
import { CommunityHeader } from '../modules/communities/community-header';
import { QuestionTabs } from '../modules/questions/community-question-tabs';

export function CommunityPage() {
  const { slug = '' } = useParams();
  return (
    <div className="community-page">
      <CommunityHeader slug={slug} />
      <QuestionTabs baseFilter={{ communitySlug: slug }} />
    </div>
  );
}

import { Link } from 'react-router';
import { useViewer } from '../modules/accounts/use-viewer';
import { CommunityList } from '../modules/communities/community-list';
import { CreateCommunityForm } from '../modules/communities/create-community-form';
import { FeedLink, feedUrls } from '../modules/layout/feed-link';
import { QuestionList } from '../modules/questions/question-list';
import { SITE_NAME } from '../modules/layout/page-title';
import { JsonLd } from '../modules/seo/json-ld';
import { PageMeta } from '../modules/seo/page-meta';
import { useSiteOrigin } from '../modules/seo/site-origin';
import { websiteJsonLd } from '../modules/seo/structured-data';

export function HomePage() {
  const { viewer } = useViewer();
  const canCreateCommunity = viewer?.role === 'MODERATOR' || viewer?.role === 'ADMIN';
  const origin = useSiteOrigin();
  return (
    <div className="home">
      <FeedLink href={feedUrls.latestQuestions} title="Policy Commons: latest questions" />
      <FeedLink href={feedUrls.policyChanges} title="Policy Commons: policy changes" />
      <PageMeta title={SITE_NAME} description="Practitioners ask policy questions and answer them with the exact section of the policy that applies, and hear when it changes." path="/" />
      <JsonLd data={websiteJsonLd(origin)} />
      <section className="intro">
        <h1>Policy questions, answered with the policy text that applies</h1>
        <p>Ask practitioners in your field. Good answers cite the exact section of the policy, and you hear when it changes.</p>
        <div className="row">
          <Link to="/ask" className="button-link primary">
            Ask a question
          </Link>
          <Link to="/policies">Browse the policy library</Link>
        </div>
      </section>
      <div className="home-columns">
        <section aria-labelledby="communities-heading">
          <h2 id="communities-heading">Communities</h2>
          <CommunityList />
          {canCreateCommunity ? <CreateCommunityForm /> : null}
        </section>
        <section aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent questions</h2>
          <QuestionList pageSize={10} />
        </section>
      </div>
    </div>
  );
}

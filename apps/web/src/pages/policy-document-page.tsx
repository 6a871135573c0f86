import { useParams } from 'react-router';
import { FeedLink, feedUrls } from '../modules/layout/feed-link';
import { PolicyDocumentView } from '../modules/policies/policy-document-view';

export function PolicyDocumentPage() {
  const { slug = '', version } = useParams();
  return (
    <>
      <FeedLink href={feedUrls.policyDocument(slug)} title="New versions of this policy" />
      <PolicyDocumentView key={slug} slug={slug} version={version} />
    </>
  );
}

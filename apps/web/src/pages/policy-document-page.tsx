import { useParams } from 'react-router';
import { PolicyDocumentView } from '../modules/policies/policy-document-view';

export function PolicyDocumentPage() {
  const { slug = '', version } = useParams();
  return <PolicyDocumentView key={slug} slug={slug} version={version} />;
}

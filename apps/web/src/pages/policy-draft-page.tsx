import { useParams } from 'react-router';
import { PolicyDraftEditor } from '../modules/policies/policy-draft-editor';

export function PolicyDraftPage() {
  const { slug = '' } = useParams();
  return <PolicyDraftEditor key={slug} slug={slug} />;
}

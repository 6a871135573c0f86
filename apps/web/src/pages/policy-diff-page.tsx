import { useParams, useSearchParams } from 'react-router';
import { PolicyDiffView } from '../modules/policies/policy-diff-view';

export function PolicyDiffPage() {
  const { slug = '' } = useParams();
  const [searchParams] = useSearchParams();
  return <PolicyDiffView key={slug} slug={slug} from={searchParams.get('from')} to={searchParams.get('to')} />;
}

import { useParams } from 'react-router';
import { OrganisationView } from '../modules/organisations/organisation-view';

export function OrganisationPage() {
  const { slug = '' } = useParams();
  return <OrganisationView key={slug} slug={slug} />;
}

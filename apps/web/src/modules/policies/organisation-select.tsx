import { useQuery } from '@apollo/client/react';
import { organisationsQuery } from '../accounts/graphql/organisations.query';

/** Organisations to publish under; the API decides whether the viewer is a policy author there. */
export function OrganisationSelect({ value, onChange, testId }: { value: string; onChange: (slug: string) => void; testId?: string }) {
  const { data, error } = useQuery(organisationsQuery, { fetchPolicy: 'cache-first' });
  if (error && !data) return <span className="field-error">Could not load organisations.</span>;
  return (
    <select value={value} onChange={(event) => onChange(event.target.value)} required disabled={!data} data-testid={testId}>
      <option value="">{data ? 'Choose an organisation' : 'Loading…'}</option>
      {data?.organisations.map((organisation) => (
        <option key={organisation.id} value={organisation.slug}>
          {organisation.name}
        </option>
      ))}
    </select>
  );
}

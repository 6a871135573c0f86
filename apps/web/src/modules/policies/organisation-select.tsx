import { useQuery } from '@apollo/client/react';
import type { AuthoringOrganisationsQuery } from '../../generated/graphql';
import { authoringOrganisationsQuery } from './graphql/authoring-organisations.query';

export type AuthoringOrganisation = AuthoringOrganisationsQuery['organisations'][number];

/** The organisations the signed-in person may write policies for (the api's permission policy decides); null while loading. */
export function useAuthoringOrganisations(): { organisations: readonly AuthoringOrganisation[] | null; failed: boolean } {
  const { data, error } = useQuery(authoringOrganisationsQuery);
  return { organisations: data?.organisations ?? null, failed: !!error && !data };
}

interface OrganisationSelectProps {
  id?: string;
  organisations: readonly AuthoringOrganisation[];
  value: string;
  onChange: (slug: string) => void;
  testId?: string;
}

/** Only organisations the person can publish for: choosing any other would only be refused. */
export function OrganisationSelect({ id, organisations, value, onChange, testId }: OrganisationSelectProps) {
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)} required data-testid={testId}>
      {organisations.length === 1 ? null : <option value="">Choose an organisation</option>}
      {organisations.map((organisation) => (
        <option key={organisation.id} value={organisation.slug}>
          {organisation.name}
        </option>
      ))}
    </select>
  );
}

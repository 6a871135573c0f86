import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { UserProfileQuery } from '../../generated/graphql';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { ErrorState, FormError, LoadingState } from '../layout/states';
import { organisationsQuery } from './graphql/organisations.query';
import { setAffiliationsMutation } from './graphql/set-affiliations.mutation';

type Affiliation = NonNullable<UserProfileQuery['user']>['affiliations'][number];

interface AffiliationRow {
  key: number;
  organisationSlug: string;
  role: string;
}

const SUGGESTED_ROLES = ['employee', 'school governor', 'parish councillor', 'policy author', 'director', 'consultant'];

let nextRowKey = 0;

function toRows(affiliations: Affiliation[]): AffiliationRow[] {
  return affiliations.map((affiliation) => ({ key: nextRowKey++, organisationSlug: affiliation.organisation.slug, role: affiliation.role }));
}

export function AffiliationsEditor({ affiliations, onDone }: { affiliations: Affiliation[]; onDone: () => void }) {
  const organisations = useQuery(organisationsQuery);
  const [setAffiliations, { loading }] = useMutation(setAffiliationsMutation);
  const [rows, setRows] = useState<AffiliationRow[]>(() => toRows(affiliations));
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);

  function update(key: number, change: Partial<AffiliationRow>) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    const input = rows.filter((row) => row.organisationSlug !== '').map((row) => ({ organisationSlug: row.organisationSlug, role: row.role.trim() }));
    try {
      await setAffiliations({ variables: { input } });
      onDone();
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  if (organisations.error) return <ErrorState error={organisations.error} title="Could not load organisations" />;
  if (!organisations.data) return <LoadingState />;

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="affiliations-form">
      <h2>Edit affiliations</h2>
      <p className="muted">Declare every role you hold: conflicts of interest are part of the conversation here.</p>
      <FormError summary={failure} />
      <datalist id="affiliation-roles">
        {SUGGESTED_ROLES.map((role) => (
          <option key={role} value={role} />
        ))}
      </datalist>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="affiliation-row">
          <legend className="visually-hidden">Affiliation {index + 1}</legend>
          <label>
            Organisation
            <select value={row.organisationSlug} onChange={(event) => update(row.key, { organisationSlug: event.target.value })} required>
              <option value="">Choose…</option>
              {organisations.data.organisations.map((organisation) => (
                <option key={organisation.id} value={organisation.slug}>
                  {organisation.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            Role
            <input type="text" list="affiliation-roles" value={row.role} onChange={(event) => update(row.key, { role: event.target.value })} required placeholder="e.g. parish councillor" />
          </label>
          <button type="button" className="link-button" onClick={() => setRows((current) => current.filter((candidate) => candidate.key !== row.key))}>
            Remove
          </button>
        </fieldset>
      ))}
      <div className="form-actions">
        <button type="button" onClick={() => setRows((current) => [...current, { key: nextRowKey++, organisationSlug: '', role: '' }])} data-testid="add-affiliation">
          Add affiliation
        </button>
        <button type="submit" className="primary" disabled={loading} data-testid="save-affiliations">
          {loading ? 'Saving…' : 'Save affiliations'}
        </button>
        <button type="button" className="link-button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

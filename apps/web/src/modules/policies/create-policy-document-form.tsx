import type { FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useViewer } from '../accounts/use-viewer';
import { summariseApiError } from '../api/api-error';
import { useFieldErrors } from '../api/use-field-errors';
import { FormError, LoadingState } from '../layout/states';
import { createPolicyDocumentMutation } from './graphql/create-policy-document.mutation';
import { useAuthoringOrganisations } from './organisation-select';
import { NoAuthoringOrganisation, PolicyDocumentFields, usePolicyDocumentFields } from './policy-document-fields';

/** For people who may write policies for some organisation: shown, not folded away. */
export function CreatePolicyDocumentForm() {
  const { viewer } = useViewer();
  const { organisations, failed } = useAuthoringOrganisations();
  if (!viewer) return null;
  if (failed) return <p className="field-error">Could not load the organisations you write policies for.</p>;
  if (!organisations) return <LoadingState />;
  return (
    <section className="card" aria-labelledby="new-policy-heading" data-testid="new-policy">
      <h2 id="new-policy-heading">New policy document</h2>
      {organisations.length === 0 ? <NoAuthoringOrganisation what="start a policy document" /> : <CreateForm organisations={organisations} />}
    </section>
  );
}

function CreateForm({ organisations }: { organisations: NonNullable<ReturnType<typeof useAuthoringOrganisations>['organisations']> }) {
  const navigate = useNavigate();
  const [createDocument, { loading }] = useMutation(createPolicyDocumentMutation, { refetchQueries: ['PolicyLibrary'] });
  const fields = usePolicyDocumentFields(organisations);
  const { failure, refuse, errorFor } = useFieldErrors({ ...fields.values });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    refuse(null);
    const { organisationSlug, slug, title } = fields.values;
    try {
      const result = await createDocument({ variables: { input: { organisationSlug, slug: slug.trim(), title: title.trim() } } });
      if (result.data) await navigate(`/policies/${result.data.createPolicyDocument.slug}/draft`);
    } catch (error) {
      refuse(summariseApiError(error));
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} data-testid="create-policy-form">
      <p className="hint">You write the first version as a draft, then publish it.</p>
      <FormError summary={failure} />
      <PolicyDocumentFields organisations={organisations} fields={fields} errorFor={errorFor} titlePlaceholder="e.g. Remote Working Policy" />
      <button type="submit" className="primary" disabled={loading}>
        {loading ? 'Creating…' : 'Create document'}
      </button>
    </form>
  );
}

import type { FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useViewer } from '../accounts/use-viewer';
import { summariseApiError } from '../api/api-error';
import { useFieldErrors } from '../api/use-field-errors';
import { FormError } from '../layout/states';
import { adaptPolicyDocumentMutation } from './graphql/adapt-policy-document.mutation';
import { useAuthoringOrganisations, type AuthoringOrganisation } from './organisation-select';
import { NoAuthoringOrganisation, PolicyDocumentFields, usePolicyDocumentFields } from './policy-document-fields';

export const ADAPT_SECTION_ID = 'adapt';

/** Start a new document from this version, for another organisation, keeping the attribution. Shown, not folded away. */
export function AdaptPolicyForm({ source, sourceTitle }: { source: string; sourceTitle: string }) {
  const { viewer } = useViewer();
  const { organisations } = useAuthoringOrganisations();
  if (!viewer || !organisations) return null;
  return (
    <section className="card adapt-policy" id={ADAPT_SECTION_ID} aria-labelledby="adapt-heading" data-testid="adapt-policy">
      <h2 id="adapt-heading">Adapt this version for your organisation</h2>
      {organisations.length === 0 ? (
        <NoAuthoringOrganisation what="adapt a policy" />
      ) : (
        <AdaptForm source={source} sourceTitle={sourceTitle} organisations={organisations} />
      )}
    </section>
  );
}

function AdaptForm({ source, sourceTitle, organisations }: { source: string; sourceTitle: string; organisations: readonly AuthoringOrganisation[] }) {
  const navigate = useNavigate();
  const [adapt, { loading }] = useMutation(adaptPolicyDocumentMutation, { refetchQueries: ['PolicyLibrary', 'PolicyDocument'] });
  const fields = usePolicyDocumentFields(organisations, sourceTitle);
  const { failure, refuse, errorFor } = useFieldErrors({ ...fields.values });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    refuse(null);
    const { organisationSlug, slug, title } = fields.values;
    try {
      const result = await adapt({ variables: { input: { source, organisationSlug, slug: slug.trim(), title: title.trim() } } });
      if (result.data) await navigate(`/policies/${result.data.adaptPolicyDocument.slug}/draft`);
    } catch (error) {
      refuse(summariseApiError(error));
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} data-testid="adapt-policy-form">
      <p className="hint">Starts a new document from {source}, with its attribution, as a draft you can change before publishing.</p>
      <FormError summary={failure} />
      <PolicyDocumentFields organisations={organisations} fields={fields} errorFor={errorFor} />
      <button type="submit" className="primary" disabled={loading}>
        {loading ? 'Adapting…' : 'Adapt'}
      </button>
    </form>
  );
}

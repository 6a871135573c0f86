import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useViewer } from '../accounts/use-viewer';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { FieldError, FormError } from '../layout/states';
import { adaptPolicyDocumentMutation } from './graphql/adapt-policy-document.mutation';
import { OrganisationSelect } from './organisation-select';

/** Start a new document from this version, for another organisation, keeping the attribution. */
export function AdaptPolicyForm({ source, sourceTitle }: { source: string; sourceTitle: string }) {
  const { viewer } = useViewer();
  const navigate = useNavigate();
  const [adapt, { loading }] = useMutation(adaptPolicyDocumentMutation, { refetchQueries: ['PolicyLibrary', 'PolicyDocument'] });
  const [organisationSlug, setOrganisationSlug] = useState('');
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState(sourceTitle);
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  if (!viewer) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    try {
      const result = await adapt({ variables: { input: { source, organisationSlug, slug: slug.trim(), title: title.trim() } } });
      if (result.data) await navigate(`/policies/${result.data.adaptPolicyDocument.slug}/draft`);
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <details className="card adapt-policy">
      <summary>Adapt this version for your organisation</summary>
      <form className="form" onSubmit={(event) => void submit(event)} data-testid="adapt-policy-form">
        <p className="hint">
          Starts a new document from {source} with its attribution. You need to be a policy author for the organisation you choose.
        </p>
        <FormError summary={failure} />
        <label>
          Organisation
          <OrganisationSelect value={organisationSlug} onChange={setOrganisationSlug} />
          <FieldError id="adapt-organisation-error" message={failure?.fieldErrors.organisationSlug} />
        </label>
        <label>
          Title
          <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} required />
          <FieldError id="adapt-title-error" message={failure?.fieldErrors.title} />
        </label>
        <label>
          Slug
          <input type="text" value={slug} onChange={(event) => setSlug(event.target.value)} required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="e.g. parish-social-media-policy" />
          <FieldError id="adapt-slug-error" message={failure?.fieldErrors.slug} />
        </label>
        <button type="submit" className="primary" disabled={loading}>
          {loading ? 'Adapting…' : 'Adapt'}
        </button>
      </form>
    </details>
  );
}

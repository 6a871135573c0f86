import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { useViewer } from '../accounts/use-viewer';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { FieldError, FormError } from '../layout/states';
import { createPolicyDocumentMutation } from './graphql/create-policy-document.mutation';
import { OrganisationSelect } from './organisation-select';

/** For policy authors; anyone else gets the API's FORBIDDEN message. */
export function CreatePolicyDocumentForm() {
  const { viewer } = useViewer();
  const navigate = useNavigate();
  const [createDocument, { loading }] = useMutation(createPolicyDocumentMutation, { refetchQueries: ['PolicyLibrary'] });
  const [organisationSlug, setOrganisationSlug] = useState('');
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  if (!viewer) return null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    try {
      const result = await createDocument({ variables: { input: { organisationSlug, slug: slug.trim(), title: title.trim() } } });
      if (result.data) await navigate(`/policies/${result.data.createPolicyDocument.slug}/draft`);
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <details className="card">
      <summary>New policy document</summary>
      <form className="form" onSubmit={(event) => void submit(event)} data-testid="create-policy-form">
        <p className="hint">
          For the organisation&apos;s policy authors, a role its admins grant (ask for it on the organisation&apos;s page). You write the first version as a draft, then publish it.
        </p>
        <FormError summary={failure} />
        <label>
          Organisation
          <OrganisationSelect value={organisationSlug} onChange={setOrganisationSlug} />
          <FieldError id="policy-organisation-error" message={failure?.fieldErrors.organisationSlug} />
        </label>
        <label>
          Title
          <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} required placeholder="e.g. Remote Working Policy" />
          <FieldError id="policy-title-error" message={failure?.fieldErrors.title} />
        </label>
        <label>
          Slug
          <input type="text" value={slug} onChange={(event) => setSlug(event.target.value)} required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="e.g. remote-working" />
          <span className="hint">Citations name the document by this; it never changes.</span>
          <FieldError id="policy-slug-error" message={failure?.fieldErrors.slug} />
        </label>
        <button type="submit" className="primary" disabled={loading}>
          {loading ? 'Creating…' : 'Create document'}
        </button>
      </form>
    </details>
  );
}

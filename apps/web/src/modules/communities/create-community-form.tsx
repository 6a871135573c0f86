import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { FieldError, FormError } from '../layout/states';
import { createCommunityMutation } from './graphql/create-community.mutation';

/** For moderators and admins; the API refuses everyone else anyway. */
export function CreateCommunityForm() {
  const navigate = useNavigate();
  const [createCommunity, { loading }] = useMutation(createCommunityMutation, { refetchQueries: ['CommunityList'] });
  const [slug, setSlug] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    try {
      const result = await createCommunity({ variables: { input: { slug: slug.trim(), title: title.trim(), description: description.trim() } } });
      if (result.data) await navigate(`/c/${result.data.createCommunity.slug}`);
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <details className="card">
      <summary>Create a community</summary>
      <form className="form" onSubmit={(event) => void submit(event)} data-testid="create-community-form">
        <FormError summary={failure} />
        <label>
          Title
          <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} required />
          <FieldError id="community-title-error" message={failure?.fieldErrors.title} />
        </label>
        <label>
          Slug
          <input type="text" value={slug} onChange={(event) => setSlug(event.target.value)} required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="e.g. school-governance" />
          <FieldError id="community-slug-error" message={failure?.fieldErrors.slug} />
        </label>
        <label>
          Description
          <textarea value={description} onChange={(event) => setDescription(event.target.value)} rows={3} required />
          <FieldError id="community-description-error" message={failure?.fieldErrors.description} />
        </label>
        <button type="submit" className="primary" disabled={loading}>
          {loading ? 'Creating…' : 'Create community'}
        </button>
      </form>
    </details>
  );
}

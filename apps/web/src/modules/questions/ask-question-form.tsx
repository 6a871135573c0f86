import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { summariseApiError } from '../api/api-error';
import { useFieldErrors } from '../api/use-field-errors';
import { useViewer } from '../accounts/use-viewer';
import { communityListQuery } from '../communities/graphql/community-list.query';
import { ErrorState, FieldError, FormError, LoadingState } from '../layout/states';
import { MarkdownEditor } from '../markdown/markdown-editor';
import { askQuestionMutation } from './graphql/ask-question.mutation';
import { SimilarQuestions } from './similar-questions';
import { TagField } from './tag-field';
import { parseTags } from './tag-input';
import { TitleField } from './title-field';

export function AskQuestionForm({ initialCommunitySlug }: { initialCommunitySlug: string | null }) {
  const { viewer, loading: viewerLoading } = useViewer();
  const communities = useQuery(communityListQuery);
  const navigate = useNavigate();
  const [askQuestion, { loading }] = useMutation(askQuestionMutation, { refetchQueries: ['QuestionList'] });
  const [communityId, setCommunityId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [tagText, setTagText] = useState('');
  const [tagsTouched, setTagsTouched] = useState(false);
  const parsedTags = parseTags(tagText);
  const { failure, refuse, errorFor } = useFieldErrors({ communityId: communityId ?? '', title: title.trim(), body: body.trim(), tags: parsedTags.tags });

  if (viewerLoading) return <LoadingState />;
  if (!viewer) {
    return (
      <>
        <h1>Ask a question</h1>
        <p className="card">
          <Link to="/signin?next=%2Fask">Sign in</Link> or <Link to="/signup?next=%2Fask">create an account</Link> to ask a question.
        </p>
      </>
    );
  }
  if (communities.error && !communities.data) return <ErrorState error={communities.error} title="Could not load communities" />;
  if (!communities.data) return <LoadingState />;

  const communityList = communities.data.communities;
  const selectedCommunityId = communityId ?? communityList.find((community) => community.slug === initialCommunitySlug)?.id ?? '';
  const selectedCommunity = communityList.find((community) => community.id === selectedCommunityId);
  const tagError = tagsTouched ? parsedTags.error : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTagsTouched(true);
    if (parsedTags.error) return;
    refuse(null);
    try {
      const result = await askQuestion({ variables: { input: { communityId: selectedCommunityId, title: title.trim(), body: body.trim(), tags: parsedTags.tags } } });
      if (result.data) await navigate(`/q/${result.data.askQuestion.id}`);
    } catch (error) {
      refuse(summariseApiError(error));
    }
  }

  return (
    <form className="card form" onSubmit={(event) => void submit(event)} data-testid="ask-form">
      <h1>Ask a question</h1>
      <FormError summary={failure} />
      <label>
        Community
        <select value={selectedCommunityId} onChange={(event) => setCommunityId(event.target.value)} required data-testid="ask-community">
          <option value="">Choose a community…</option>
          {communityList.map((community) => (
            <option key={community.id} value={community.id}>
              {community.title}
              {community.viewerIsMember ? '' : ' (not a member)'}
            </option>
          ))}
        </select>
        <FieldError id="ask-community-error" message={errorFor('communityId')} />
      </label>
      {selectedCommunity && !selectedCommunity.viewerIsMember ? (
        <p className="muted">
          You are not a member of this community yet. <Link to={`/c/${selectedCommunity.slug}`}>Join it</Link> first if asking needs membership.
        </p>
      ) : null}
      <TitleField value={title} onChange={setTitle} error={errorFor('title')} placeholder="e.g. Does our social media policy cover officers who are also parish councillors?" testId="ask-title" />
      <SimilarQuestions title={title} />
      <MarkdownEditor label="Body (Markdown)" citations value={body} onChange={setBody} testId="ask-body" error={errorFor('body')} />
      <TagField value={tagText} onChange={setTagText} onBlur={() => setTagsTouched(true)} error={tagError ?? errorFor('tags')} testId="ask-tags" />
      <button type="submit" className="primary" disabled={loading} data-testid="ask-submit">
        {loading ? 'Posting…' : 'Post your question'}
      </button>
    </form>
  );
}

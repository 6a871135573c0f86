import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { useViewer } from '../accounts/use-viewer';
import { communityListQuery } from '../communities/graphql/community-list.query';
import { ErrorState, FieldError, FormError, LoadingState } from '../layout/states';
import { MarkdownEditor } from '../markdown/markdown-editor';
import { askQuestionMutation } from './graphql/ask-question.mutation';
import { SimilarQuestions } from './similar-questions';
import { MAX_TAGS, parseTags } from './tag-input';

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
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);

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
  const parsedTags = parseTags(tagText);
  const tagError = tagsTouched ? parsedTags.error : null;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTagsTouched(true);
    if (parsedTags.error) return;
    setFailure(null);
    try {
      const result = await askQuestion({ variables: { input: { communityId: selectedCommunityId, title: title.trim(), body: body.trim(), tags: parsedTags.tags } } });
      if (result.data) await navigate(`/q/${result.data.askQuestion.id}`);
    } catch (error) {
      setFailure(summariseApiError(error));
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
        <FieldError id="ask-community-error" message={failure?.fieldErrors.communityId} />
      </label>
      {selectedCommunity && !selectedCommunity.viewerIsMember ? (
        <p className="muted">
          You are not a member of this community yet. <Link to={`/c/${selectedCommunity.slug}`}>Join it</Link> first if asking needs membership.
        </p>
      ) : null}
      <label>
        Title
        <input type="text" value={title} onChange={(event) => setTitle(event.target.value)} required placeholder="e.g. Does our social media policy cover officers who are also parish councillors?" data-testid="ask-title" />
        <FieldError id="ask-title-error" message={failure?.fieldErrors.title} />
      </label>
      <SimilarQuestions title={title} />
      <MarkdownEditor label="Body (Markdown)" citations value={body} onChange={setBody} testId="ask-body" error={failure?.fieldErrors.body} />
      <label>
        Tags
        <input type="text" value={tagText} onChange={(event) => setTagText(event.target.value)} onBlur={() => setTagsTouched(true)} placeholder="e.g. social-media parish-councils" aria-describedby="ask-tags-hint ask-tags-error" data-testid="ask-tags" />
        <span id="ask-tags-hint" className="hint">
          1 to {MAX_TAGS} tags, lowercase words joined by hyphens, separated by spaces or commas.
        </span>
        <FieldError id="ask-tags-error" message={tagError ?? failure?.fieldErrors.tags} />
      </label>
      <button type="submit" className="primary" disabled={loading} data-testid="ask-submit">
        {loading ? 'Posting…' : 'Post your question'}
      </button>
    </form>
  );
}

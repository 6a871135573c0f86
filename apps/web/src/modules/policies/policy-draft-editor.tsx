import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { PolicyDraftFieldsFragment, PolicyDraftQuery, VersionBump } from '../../generated/graphql';
import { useViewer } from '../accounts/use-viewer';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { formatDateTime } from '../layout/format-date';
import { NotFound } from '../layout/not-found';
import { ErrorState, FieldError, FormError, LoadingState } from '../layout/states';
import { changeLabel } from './diff-view';
import { citationsStaleInDraft, previewDraft, upcomingVersion } from './draft-preview';
import { PolicySections } from './policy-sections';
import { policyDraftQuery } from './graphql/policy-draft.query';
import { publishPolicyVersionMutation } from './graphql/publish-policy-version.mutation';
import { savePolicyDraftMutation } from './graphql/save-policy-draft.mutation';
import { PageTitle } from '../layout/page-title';

type DraftDocument = NonNullable<PolicyDraftQuery['policyDocument']>;

const NEW_DOCUMENT_TEMPLATE = `## Introduction

What this policy is for and who it applies to.

## Scope

`;

/** For the document's policy authors: edit the draft, see what publishing would change, publish. */
export function PolicyDraftEditor({ slug }: { slug: string }) {
  const { viewer, loading: viewerLoading } = useViewer();
  const location = useLocation();
  const { data, error } = useQuery(policyDraftQuery, { variables: { slug }, fetchPolicy: 'cache-and-network' });

  if (error && !data) return <ErrorState error={error} title="Could not load this policy" />;
  if (!data || viewerLoading) return <LoadingState />;
  const document = data.policyDocument;
  if (!document) return <NotFound what="policy document" />;
  if (!viewer) {
    return (
      <>
        <PageTitle title={`Draft: ${document.title}`} />
        <h1>Draft: {document.title}</h1>
        <p className="card">
          <Link to={`/signin?next=${encodeURIComponent(location.pathname)}`}>Sign in</Link> as a policy author to draft {document.title}.
        </p>
      </>
    );
  }
  if (!document.canAuthor) {
    return (
      <>
        <PageTitle title={`Draft: ${document.title}`} />
        <h1>Draft: {document.title}</h1>
        <div className="state state-error" role="alert" data-testid="draft-forbidden">
          <strong>Only {document.organisation.name}&apos;s policy authors can draft this document.</strong>
          <p>
            If that is you, <Link to={`/o/${document.organisation.slug}`}>ask {document.organisation.name}&apos;s admins for the policy author role</Link>; or{' '}
            <Link to={`/policies/${document.slug}`}>read the published versions</Link>.
          </p>
        </div>
      </>
    );
  }
  // Local edits start from the saved draft (or the latest version) and survive refetches.
  return <DraftWorkspace key={document.id} document={document} />;
}

function DraftWorkspace({ document }: { document: DraftDocument }) {
  const latest = document.latestVersion;
  const savedMarkdown = document.draft?.markdown ?? null;
  const [markdown, setMarkdown] = useState(savedMarkdown ?? latest?.markdown.trim() ?? NEW_DOCUMENT_TEMPLATE);
  const [saveDraft, saving] = useMutation(savePolicyDraftMutation, { refetchQueries: ['PolicyDraft'], awaitRefetchQueries: true });
  const [saveFailure, setSaveFailure] = useState<ApiErrorSummary | null>(null);
  const preview = useMemo(() => previewDraft(markdown, latest?.markdown ?? null), [markdown, latest?.markdown]);
  const unsaved = markdown !== savedMarkdown;
  const [showing, setShowing] = useState<'sections' | 'preview'>('sections');

  async function save() {
    setSaveFailure(null);
    try {
      const result = await saveDraft({ variables: { input: { documentId: document.id, markdown } } });
      // Compare later edits with what the server stored, not with what we sent.
      const stored = result.data?.savePolicyDraft.markdown;
      if (stored !== undefined && stored !== markdown) setMarkdown(stored);
    } catch (error) {
      setSaveFailure(summariseApiError(error));
    }
  }

  return (
    <div className="policy-draft" data-testid="policy-draft">
      <PageTitle title={`Draft: ${document.title}`} />
      <p className="breadcrumb">
        <Link to="/policies">Policies</Link> › <Link to={`/policies/${document.slug}`}>{document.title}</Link>
      </p>
      <h1>Draft: {document.title}</h1>
      <p className="muted">
        {latest ? `The next version after ${latest.version}.` : 'The first version of this document.'} Each ## heading (or deeper) starts a section; a section keeps its
        anchor while its heading text stays the same, or when you end the heading with {'{#anchor}'}.
      </p>
      <div className="draft-columns">
        <div className="draft-editor">
          <label htmlFor="draft-markdown" className="draft-label">
            Draft (Markdown)
          </label>
          <textarea id="draft-markdown" className="draft-markdown" rows={24} value={markdown} onChange={(event) => setMarkdown(event.target.value)} spellCheck data-testid="draft-markdown" aria-describedby="draft-save-error" />
          <div className="row">
            <button type="button" className="primary" onClick={() => void save()} disabled={saving.loading || !unsaved} data-testid="save-draft">
              {saving.loading ? 'Saving…' : unsaved ? 'Save draft' : 'Saved'}
            </button>
            {document.draft ? <span className="muted">Last saved {formatDateTime(document.draft.updatedAt)}</span> : <span className="muted">Not saved yet</span>}
          </div>
          <FormError summary={saveFailure} />
          <FieldError id="draft-save-error" message={saveFailure?.fieldErrors.markdown} />
        </div>
        <div className="draft-preview">
          <div className="tabs" role="group" aria-label="Show">
            <button type="button" className={showing === 'sections' ? 'tab active' : 'tab'} aria-pressed={showing === 'sections'} onClick={() => setShowing('sections')}>
              Sections
            </button>
            <button type="button" className={showing === 'preview' ? 'tab active' : 'tab'} aria-pressed={showing === 'preview'} onClick={() => setShowing('preview')} data-testid="draft-preview-tab">
              Preview
            </button>
          </div>
          {preview.errors.length > 0 ? (
            <ul className="form-error draft-errors" role="alert" data-testid="draft-errors">
              {preview.errors.map((problem, index) => (
                <li key={index}>
                  {problem.line !== null ? `Line ${problem.line}: ` : ''}
                  {problem.message}
                </li>
              ))}
            </ul>
          ) : null}
          {showing === 'preview' ? <PolicySections slug={document.slug} version="draft" sections={preview.parsed} tools={false} /> : null}
          <ol className="draft-sections" data-testid="draft-sections" hidden={showing !== 'sections'}>
            {preview.sections.map((section) => (
              <li key={section.anchor} className={`contents-level-${Math.min(section.level, 4)}`}>
                {latest ? <span className={`change-badge change-${section.change.toLowerCase()}`}>{changeLabel(section.change)}</span> : null} {section.title} <code className="muted">#{section.anchor}</code>
              </li>
            ))}
          </ol>
          {preview.removed.length > 0 ? (
            <p className="muted">
              Not in this draft (removed from {latest?.version}): {preview.removed.map((section) => section.title).join(', ')}
            </p>
          ) : null}
          <StaleCitations impacts={unsaved || !document.draft ? citationsStaleInDraft(document.citedBy, preview) : document.draft.citationsMadeStale} live={unsaved || !document.draft} />
        </div>
      </div>
      <PublishForm document={document} blocked={unsaved ? 'Save the draft first: publishing takes the saved draft.' : preview.errors.length > 0 ? 'Fix the problems in the draft first.' : document.draft ? null : 'Save the draft first.'} />
    </div>
  );
}

// Our own preview of unsaved edits has no __typename.
type StaleImpact = Omit<PolicyDraftFieldsFragment['citationsMadeStale'][number], '__typename'>;

/** The api's answer for the saved draft, or our own for unsaved edits (same rule, see citationsStaleInDraft). */
function StaleCitations({ impacts, live }: { impacts: readonly StaleImpact[]; live: boolean }) {
  return (
    <section className="stale-preview" data-testid="stale-preview" aria-labelledby="stale-preview-heading">
      <h2 id="stale-preview-heading">Citations this would make stale</h2>
      {live ? <p className="hint">For the draft as edited here, not yet saved.</p> : null}
      {impacts.length === 0 ? (
        <p className="muted">None: no current citation points at a section this draft changes or removes.</p>
      ) : (
        <ul>
          {impacts.map(({ change, citation }) => {
            const post = citation.answer ? { title: citation.answer.question.title, path: `/q/${citation.answer.question.id}#answer-${citation.answer.id}`, kind: 'An answer to' } : citation.question ? { title: citation.question.title, path: `/q/${citation.question.id}`, kind: 'The question' } : null;
            return (
              <li key={citation.id}>
                <span className={`change-badge change-${change.toLowerCase()}`}>{changeLabel(change)}</span> § {citation.section.title}
                {post ? (
                  <>
                    {' '}
                    — {post.kind} <Link to={post.path}>{post.title}</Link>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

interface ContributorRow {
  name: string;
  role: string;
}

function PublishForm({ document, blocked }: { document: DraftDocument; blocked: string | null }) {
  const navigate = useNavigate();
  const latest = document.latestVersion;
  const [publish, { loading }] = useMutation(publishPolicyVersionMutation, { refetchQueries: ['PolicyDocument', 'PolicyLibrary', 'PolicyDraft'] });
  const [bump, setBump] = useState<VersionBump>('MAJOR');
  const [summaryOfChanges, setSummaryOfChanges] = useState('');
  const [contributors, setContributors] = useState<ContributorRow[]>(latest?.contributors.map(({ name, role }) => ({ name, role })) ?? []);
  const [supersededNotice, setSupersededNotice] = useState('');
  const [licence, setLicence] = useState('');
  const [failure, setFailure] = useState<ApiErrorSummary | null>(null);
  const version = upcomingVersion(latest?.version ?? null, bump);

  function updateContributor(index: number, change: Partial<ContributorRow>) {
    setContributors((rows) => rows.map((row, rowIndex) => (rowIndex === index ? { ...row, ...change } : row)));
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    try {
      const result = await publish({
        variables: {
          input: {
            documentId: document.id,
            bump,
            summaryOfChanges: summaryOfChanges.trim(),
            contributors: contributors.filter((row) => row.name.trim() !== '').map((row) => ({ name: row.name.trim(), role: row.role.trim() })),
            supersededNotice: supersededNotice.trim() === '' ? null : supersededNotice.trim(),
            licence: licence.trim() === '' ? null : licence.trim(),
          },
        },
      });
      if (result.data) await navigate(`/policies/${document.slug}/${result.data.publishPolicyVersion.version}`);
    } catch (error) {
      setFailure(summariseApiError(error));
    }
  }

  return (
    <form className="card form publish-form" onSubmit={(event) => void submit(event)} data-testid="publish-form">
      <h2>Publish version {version}</h2>
      <p className="hint">A published version never changes. Readers of earlier versions are pointed to it, and citations of sections it changes are marked as stale.</p>
      <FormError summary={failure} />
      {latest ? (
        <fieldset className="bump">
          <legend>Kind of revision</legend>
          <label className="inline">
            <input type="radio" name="bump" value="MAJOR" checked={bump === 'MAJOR'} onChange={() => setBump('MAJOR')} /> Major ({upcomingVersion(latest.version, 'MAJOR')}): a new edition
          </label>
          <label className="inline">
            <input type="radio" name="bump" value="MINOR" checked={bump === 'MINOR'} onChange={() => setBump('MINOR')} /> Minor ({upcomingVersion(latest.version, 'MINOR')}): corrections and clarifications
          </label>
        </fieldset>
      ) : null}
      <label>
        Summary of changes
        <textarea rows={3} value={summaryOfChanges} onChange={(event) => setSummaryOfChanges(event.target.value)} required data-testid="publish-summary" />
        <FieldError id="publish-summary-error" message={failure?.fieldErrors.summaryOfChanges} />
      </label>
      <fieldset className="contributors-editor">
        <legend>Contributors</legend>
        {contributors.map((row, index) => (
          <div key={index} className="contributor-row">
            <input type="text" aria-label={`Contributor ${index + 1} name`} placeholder="Name" value={row.name} onChange={(event) => updateContributor(index, { name: event.target.value })} />
            <input type="text" aria-label={`Contributor ${index + 1} role`} placeholder="Role, e.g. Head of ICT" value={row.role} onChange={(event) => updateContributor(index, { role: event.target.value })} />
            <button type="button" className="link-button" onClick={() => setContributors((rows) => rows.filter((_, rowIndex) => rowIndex !== index))}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setContributors((rows) => [...rows, { name: '', role: '' }])}>
          Add a contributor
        </button>
        <FieldError id="publish-contributors-error" message={failure?.fieldErrors.contributors} />
      </fieldset>
      {latest ? (
        <label>
          Notice for readers of earlier versions (optional)
          <textarea rows={2} value={supersededNotice} onChange={(event) => setSupersededNotice(event.target.value)} placeholder={`This edition supersedes version ${latest.version}…`} />
          <FieldError id="publish-notice-error" message={failure?.fieldErrors.supersededNotice} />
        </label>
      ) : null}
      <label>
        Licence and attribution (optional{latest ? '; defaults to the previous version’s' : ''})
        <input type="text" value={licence} onChange={(event) => setLicence(event.target.value)} placeholder={latest?.licence ?? 'e.g. May be adapted with acknowledgement of the source.'} />
        <FieldError id="publish-licence-error" message={failure?.fieldErrors.licence} />
      </label>
      {blocked ? <p className="hint">{blocked}</p> : null}
      <button type="submit" className="primary" disabled={loading || blocked !== null || summaryOfChanges.trim() === ''} data-testid="publish-submit">
        {loading ? 'Publishing…' : `Publish version ${version}`}
      </button>
    </form>
  );
}

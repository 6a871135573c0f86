import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Link, useBlocker, useLocation, useNavigate } from 'react-router';
import type { PolicyDraftFieldsFragment, PolicyDraftQuery, VersionBump } from '../../generated/graphql';
import { useViewer } from '../accounts/use-viewer';
import { summariseApiError, type ApiErrorSummary } from '../api/api-error';
import { formatDateTime } from '../layout/format-date';
import { ModalDialog } from '../layout/modal-dialog';
import { NotFound } from '../layout/not-found';
import { ErrorState, FieldError, FormError, LoadingState } from '../layout/states';
import { changeLabel } from './diff-view';
import { useDraftAutosave, type DraftSaveRequest, type DraftSaveStatus } from './draft-autosave';
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
  const { data, error, refetch } = useQuery(policyDraftQuery, { variables: { slug }, fetchPolicy: 'cache-and-network' });
  // A reload after a conflict starts the workspace again from what is stored now.
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(async () => {
    await refetch();
    setGeneration((current) => current + 1);
  }, [refetch]);

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
  return <DraftWorkspace key={`${document.id}:${generation}`} document={document} onReload={reload} />;
}

/** "Saved at 10:42" today, "Saved 3 Dec 2026, 10:42" before. */
export function savedAtLabel(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return `Saved ${iso}`;
  if (date.toDateString() === now.toDateString()) return `Saved at ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })}`;
  return `Saved ${formatDateTime(iso)}`;
}

function statusText(status: DraftSaveStatus, savedAt: string | null): string {
  const last = savedAt ? ` ${savedAtLabel(savedAt).replace(/^Saved/, 'Last saved')}.` : ' Not saved yet.';
  switch (status.kind) {
    case 'saved':
      return savedAt ? `${savedAtLabel(savedAt)}.` : 'Saved.';
    case 'unchanged':
      return savedAt ? `${savedAtLabel(savedAt)}.` : 'Not saved yet: start typing and it saves by itself.';
    case 'pending':
      return `Unsaved changes: saving when you pause.${last}`;
    case 'saving':
      return 'Saving…';
    case 'invalid':
      return `Not saved: the draft has problems (listed beside it), and saves once they are fixed.${last}`;
    case 'failed':
      return `Could not save: ${status.message}${last}`;
    case 'conflict':
      return `Not saved: ${status.message}`;
  }
}

function DraftWorkspace({ document, onReload }: { document: DraftDocument; onReload: () => Promise<void> }) {
  const latest = document.latestVersion;
  const loaded = document.draft ?? null;
  const initialMarkdown = loaded?.markdown ?? latest?.markdown.trim() ?? NEW_DOCUMENT_TEMPLATE;
  const [markdown, setMarkdown] = useState(initialMarkdown);
  // Autosaves update this page's own state; refetching the whole document after each would be wasted.
  const [saveDraft] = useMutation(savePolicyDraftMutation);
  const preview = useMemo(() => previewDraft(markdown, latest?.markdown ?? null), [markdown, latest?.markdown]);
  const save = useCallback(
    async (request: DraftSaveRequest) => {
      const result = await saveDraft({ variables: { input: { documentId: document.id, ...request } } });
      if (!result.data) throw new Error('The draft was not saved.');
      return result.data.savePolicyDraft;
    },
    [saveDraft, document.id],
  );
  const autosave = useDraftAutosave({ loaded, initialMarkdown, markdown, valid: preview.errors.length === 0, save });
  const { saved, status, unsaved } = autosave;
  const [showing, setShowing] = useState<'sections' | 'preview'>('sections');
  const [reloading, setReloading] = useState(false);

  return (
    <div className="policy-draft" data-testid="policy-draft">
      <PageTitle title={`Draft: ${document.title}`} />
      <p className="breadcrumb">
        <Link to="/policies">Policies</Link> › <Link to={`/policies/${document.slug}`}>{document.title}</Link>
      </p>
      <h1>Draft: {document.title}</h1>
      <LeaveWarning unsaved={unsaved} saveNow={autosave.saveNow} savable={preview.errors.length === 0} />
      <p className="muted">
        {latest ? `The next version after ${latest.version}.` : 'The first version of this document.'} Each ## heading (or deeper) starts a section; a section keeps its
        anchor while its heading text stays the same, or when you end the heading with {'{#anchor}'}. Your text saves by itself when you pause.
      </p>
      <div className="draft-columns">
        <div className="draft-editor">
          <label htmlFor="draft-markdown" className="draft-label">
            Draft (Markdown)
          </label>
          <textarea
            id="draft-markdown"
            className="draft-markdown"
            rows={24}
            value={markdown}
            onChange={(event) => setMarkdown(event.target.value)}
            spellCheck
            data-testid="draft-markdown"
            aria-describedby="draft-save-status draft-errors"
          />
          <div className="row draft-save-row">
            <p id="draft-save-status" className={`save-status save-status-${status.kind}`} role="status" data-testid="draft-save-status" data-state={status.kind}>
              {statusText(status, saved?.updatedAt ?? null)}
            </p>
            {status.kind === 'failed' || (unsaved && status.kind === 'pending') ? (
              <button type="button" onClick={() => void autosave.saveNow()} data-testid="save-draft">
                {status.kind === 'failed' ? 'Try again' : 'Save now'}
              </button>
            ) : null}
          </div>
          {status.kind === 'conflict' ? (
            <div className="state state-error draft-conflict" role="alert" data-testid="draft-conflict">
              <p>
                <strong>This draft changed elsewhere since you opened it.</strong> Your text is still here, unsaved. Load the saved draft to see the other changes (copy your text first if you need it), or keep yours and replace theirs.
              </p>
              <div className="form-actions">
                <button
                  type="button"
                  className="primary"
                  disabled={reloading}
                  onClick={() => {
                    setReloading(true);
                    void onReload().finally(() => setReloading(false));
                  }}
                  data-testid="draft-conflict-reload"
                >
                  {reloading ? 'Loading…' : 'Load the saved draft'}
                </button>
                <button type="button" onClick={() => void autosave.overwrite()} data-testid="draft-conflict-overwrite">
                  Keep mine and replace the saved draft
                </button>
              </div>
            </div>
          ) : null}
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
            <ul className="form-error draft-errors" id="draft-errors" role="alert" data-testid="draft-errors">
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
          <StaleCitations impacts={unsaved || !saved ? citationsStaleInDraft(document.citedBy, preview) : saved.citationsMadeStale} live={unsaved || !saved} />
        </div>
      </div>
      <PublishForm
        document={document}
        blocked={
          preview.errors.length > 0
            ? 'Fix the problems in the draft first.'
            : unsaved || status.kind === 'saving'
              ? 'Publishing takes the saved draft: wait until it has saved.'
              : saved
                ? null
                : 'Write the draft first: publishing takes the saved draft.'
        }
      />
    </div>
  );
}

/**
 * Unsaved text is not lost by leaving: the browser asks before closing or reloading the
 * tab (beforeunload), and a link inside the app asks in a dialog (the router's blocker),
 * offering to save first when the text can be saved.
 */
function LeaveWarning({ unsaved, saveNow, savable }: { unsaved: boolean; saveNow: () => Promise<boolean>; savable: boolean }) {
  useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);
  const [saving, setSaving] = useState(false);
  if (blocker.state !== 'blocked') return null;
  return (
    <ModalDialog title="Leave with unsaved changes?" onClose={() => blocker.reset()} testId="leave-draft-dialog">
      <p>Your latest changes to this draft are not saved yet. If you leave now, they are lost.</p>
      <div className="form-actions">
        {savable ? (
          <button
            type="button"
            className="primary"
            disabled={saving}
            onClick={() => {
              setSaving(true);
              void saveNow().then((done) => {
                setSaving(false);
                if (done) blocker.proceed();
              });
            }}
            data-testid="leave-draft-save"
          >
            {saving ? 'Saving…' : 'Save and leave'}
          </button>
        ) : null}
        <button type="button" className="danger" onClick={() => blocker.proceed()} data-testid="leave-draft-discard">
          Leave without saving
        </button>
        <button type="button" onClick={() => blocker.reset()} data-testid="leave-draft-stay">
          Stay
        </button>
      </div>
    </ModalDialog>
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
  const [confirming, setConfirming] = useState(false);
  const version = upcomingVersion(latest?.version ?? null, bump);

  function updateContributor(index: number, change: Partial<ContributorRow>) {
    setContributors((rows) => rows.map((row, rowIndex) => (rowIndex === index ? { ...row, ...change } : row)));
  }

  // Publishing cannot be undone: the form only asks; the dialog publishes.
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFailure(null);
    setConfirming(true);
  }

  async function confirm() {
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
      setConfirming(false);
      setFailure(summariseApiError(error));
    }
  }

  return (
    <form className="card form publish-form" onSubmit={submit} data-testid="publish-form">
      {confirming ? (
        <ModalDialog title={`Publish version ${version} of ${document.title}?`} onClose={() => setConfirming(false)} testId="publish-confirm-dialog">
          <p>
            <strong>This cannot be undone.</strong> A published version never changes and cannot be withdrawn; later changes need a new version.
          </p>
          <p>Readers of earlier versions will be pointed to it, and citations of sections it changes will be marked as stale.</p>
          <div className="form-actions">
            <button type="button" className="primary" disabled={loading} onClick={() => void confirm()} data-testid="publish-confirm">
              {loading ? 'Publishing…' : `Publish version ${version}`}
            </button>
            <button type="button" disabled={loading} onClick={() => setConfirming(false)} data-testid="publish-cancel">
              Cancel
            </button>
          </div>
        </ModalDialog>
      ) : null}
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
        {`Publish version ${version}…`}
      </button>
    </form>
  );
}

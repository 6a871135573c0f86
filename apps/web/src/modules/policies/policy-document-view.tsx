import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { Link, useNavigate } from 'react-router';
import type { PolicyDocumentQuery, PolicyVersionQuery } from '../../generated/graphql';
import { citationStatusText, policyDiffPath } from '../citations/citation-chip';
import { countLabel } from '../layout/count-label';
import { formatDate } from '../layout/format-date';
import { NotFound } from '../layout/not-found';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { FollowButton } from '../subscriptions/follow-button';
import { useViewer } from '../accounts/use-viewer';
import { ADAPT_SECTION_ID, AdaptPolicyForm } from './adapt-policy-form';
import { policyDocumentQuery } from './graphql/policy-document.query';
import { policyVersionQuery } from './graphql/policy-version.query';
import { PolicySections } from './policy-sections';
import { newestFirst, previousVersionOf } from './policy-versions';
import { useScrollToHash } from '../layout/use-scroll-to-hash';
import { PageTitle } from '../layout/page-title';
import { PolicyVersionMeta, UnpublishedPolicyMeta } from './policy-page-meta';

type PolicyDocument = NonNullable<PolicyDocumentQuery['policyDocument']>;
type PolicyVersion = NonNullable<PolicyVersionQuery['policyVersion']>;

/** One version of a document (the latest when `version` is not given), with its history around it. */
export function PolicyDocumentView({ slug, version }: { slug: string; version?: string }) {
  const documentResult = useQuery(policyDocumentQuery, { variables: { slug } });
  const document = documentResult.data?.policyDocument;
  const shownVersion = version ?? document?.latestVersion?.version;
  const versionResult = useQuery(policyVersionQuery, { variables: { slug, version: shownVersion ?? '' }, skip: !shownVersion });
  const policyVersion = versionResult.data?.policyVersion;
  const signedIn = Boolean(useViewer().viewer);
  useScrollToHash(Boolean(policyVersion));

  if (documentResult.error && !documentResult.data) return <ErrorState error={documentResult.error} title="Could not load this policy" />;
  if (!documentResult.data) return <LoadingState />;
  if (!document) return <NotFound what="policy document" />;

  return (
    <div className="policy-page" data-testid="policy-page">
      <PageTitle title={shownVersion ? `${document.title} ${shownVersion}` : document.title} />
      {policyVersion ? <PolicyVersionMeta document={document} policyVersion={policyVersion} /> : !shownVersion ? <UnpublishedPolicyMeta document={document} /> : null}
      <p className="breadcrumb">
        <Link to="/policies">Policies</Link> › <Link to={`/o/${document.organisation.slug}`}>{document.organisation.name}</Link>
      </p>
      <h1 data-testid="policy-title">{document.title}</h1>
      <p className="muted">A policy of {document.organisation.name}</p>
      <div className="row policy-actions">
        <FollowButton kind="POLICY_DOCUMENT" targetId={document.id} what="this policy document" />
        {document.canAuthor ? (
          <Link to={`/policies/${document.slug}/draft`} className="button-link" data-testid="edit-draft">
            Draft the next version
          </Link>
        ) : null}
        {shownVersion && signedIn ? (
          <a href={`#${ADAPT_SECTION_ID}`} className="button-link" data-testid="adapt-link">
            Adapt for your organisation
          </a>
        ) : null}
      </div>
      <Lineage document={document} />
      {!shownVersion ? (
        <EmptyState>No version of this document has been published yet.</EmptyState>
      ) : (
        <>
          <VersionPicker document={document} shownVersion={shownVersion} />
          {versionResult.error && !versionResult.data ? <ErrorState error={versionResult.error} title="Could not load this version" /> : null}
          {!versionResult.data && !versionResult.error ? <LoadingState /> : null}
          {versionResult.data && !policyVersion ? <NotFound what="policy version" /> : null}
          {policyVersion ? <VersionBody document={document} policyVersion={policyVersion} /> : null}
        </>
      )}
      <CitedBy document={document} />
      {shownVersion ? <AdaptPolicyForm source={`${document.slug}@${shownVersion}`} sourceTitle={document.title} /> : null}
    </div>
  );
}

function VersionPicker({ document, shownVersion }: { document: PolicyDocument; shownVersion: string }) {
  const navigate = useNavigate();
  const versionsNewestFirst = newestFirst(document.versions);
  const previous = previousVersionOf(document.versions, shownVersion);
  return (
    <div className="version-picker row">
      <label>
        Version{' '}
        <select value={shownVersion} onChange={(event) => void navigate(`/policies/${document.slug}/${event.target.value}`)} data-testid="version-picker">
          {versionsNewestFirst.map((option) => (
            <option key={option.id} value={option.version}>
              {option.version} ({formatDate(option.publishedOn)}){option.version === document.latestVersion?.version ? ' — latest' : ''}
            </option>
          ))}
        </select>
      </label>
      {previous ? (
        <Link to={policyDiffPath(document.slug, previous, shownVersion)} data-testid="compare-previous">
          What changed since {previous}
        </Link>
      ) : null}
      <span className="muted" data-testid="version-count">
        {document.versions.length === 1 ? '1 version' : `${document.versions.length} versions`}
      </span>
    </div>
  );
}

function VersionBody({ document, policyVersion }: { document: PolicyDocument; policyVersion: PolicyVersion }) {
  const latest = policyVersion.latestVersion;
  // On a phone the contents would push the text a screen down, so they start folded, as
  // the server renders them (it cannot know the screen); a wide screen unfolds them after
  // hydration, where the text beside them does not move.
  const [contentsOpen, setContentsOpen] = useState(false);
  useEffect(() => {
    if (window.matchMedia?.('(min-width: 48rem)').matches ?? true) setContentsOpen(true);
  }, []);
  return (
    <>
      {latest ? (
        <div className="superseded-banner" role="note" data-testid="superseded-banner">
          <p>
            <strong>
              You are reading version {policyVersion.version}. It was superseded
              {policyVersion.supersededBy ? ` by version ${policyVersion.supersededBy.version}` : ''}
              {latest.version !== policyVersion.supersededBy?.version ? `; the latest is ${latest.version}` : ''}.
            </strong>
          </p>
          {policyVersion.supersededNotice ? <p data-testid="superseded-notice">{policyVersion.supersededNotice}</p> : null}
          <p className="row">
            <Link to={`/policies/${document.slug}/${latest.version}`} data-testid="read-latest">
              Read version {latest.version}
            </Link>
            <Link to={policyDiffPath(document.slug, policyVersion.version, latest.version)}>
              Compare {policyVersion.version} with {latest.version}
            </Link>
          </p>
        </div>
      ) : null}
      <section className="card version-details" aria-label="About this version" data-testid="version-details">
        <p>
          <strong>Version {policyVersion.version}</strong>, published {formatDate(policyVersion.publishedOn)}
        </p>
        <p>
          <span className="muted">Summary of changes: </span>
          <span data-testid="summary-of-changes">{policyVersion.summaryOfChanges}</span>
        </p>
        {policyVersion.contributors.length > 0 ? (
          <div>
            <span className="muted">Contributors:</span>
            <ul className="contributors" data-testid="contributors">
              {policyVersion.contributors.map((contributor) => (
                <li key={`${contributor.name}-${contributor.role}`}>
                  {contributor.name}
                  {contributor.role ? <span className="muted">, {contributor.role}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <p className="muted">{policyVersion.licence}</p>
      </section>
      <nav className="policy-contents" aria-label="Contents">
        <details open={contentsOpen}>
          <summary>Contents</summary>
          <ol>
            {policyVersion.sections.map((section) => (
              <li key={section.anchor} className={`contents-level-${Math.min(section.level, 4)}`}>
                <a href={`#${section.anchor}`}>{section.title}</a>
              </li>
            ))}
          </ol>
        </details>
      </nav>
      <PolicySections slug={document.slug} documentTitle={document.title} version={policyVersion.version} sections={policyVersion.sections} />
    </>
  );
}

function Lineage({ document }: { document: PolicyDocument }) {
  if (!document.adaptedFrom && document.adaptations.length === 0) return null;
  return (
    <div className="lineage" data-testid="lineage">
      {document.adaptedFrom ? (
        <p>
          Adapted from{' '}
          <Link to={`/policies/${document.adaptedFrom.document.slug}/${document.adaptedFrom.version}`}>
            {document.adaptedFrom.document.title} version {document.adaptedFrom.version}
          </Link>{' '}
          by {document.adaptedFrom.document.organisation.name}.
        </p>
      ) : null}
      {document.adaptations.length > 0 ? (
        <div>
          <span>Adapted by others:</span>
          <ul>
            {document.adaptations.map((adaptation) => (
              <li key={adaptation.id}>
                <Link to={`/policies/${adaptation.slug}`}>{adaptation.title}</Link> by {adaptation.organisation.name}
                {adaptation.adaptedFrom ? <span className="muted"> (from version {adaptation.adaptedFrom.version})</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function CitedBy({ document }: { document: PolicyDocument }) {
  const stale = document.citedBy.filter((citation) => citation.status === 'CHANGED' || citation.status === 'REMOVED').length;
  return (
    <section className="cited-by" aria-labelledby="cited-by-heading" data-testid="cited-by">
      <h2 id="cited-by-heading">Cited by</h2>
      {stale > 0 ? (
        <p className="muted" data-testid="stale-count">
          {countLabel(stale, 'citation')} {stale === 1 ? 'points' : 'point'} at a section that a later version changed or removed.
        </p>
      ) : null}
      {document.citedBy.length === 0 ? (
        <p className="muted">No question or answer cites this document yet.</p>
      ) : (
        <ul>
          {document.citedBy.map((citation) => {
            const post = citation.answer ? { question: citation.answer.question, path: `/q/${citation.answer.question.id}#answer-${citation.answer.id}`, kind: `Answer by ${citation.answer.author.displayName}` } : citation.question ? { question: citation.question, path: `/q/${citation.question.id}`, kind: 'Question' } : null;
            const statusText = citationStatusText(citation.status, citation.latestVersion.version, citation.changedIn?.version);
            return (
              <li key={citation.id} data-testid="cited-by-item">
                {post ? (
                  <>
                    <span className="muted">{post.kind}: </span>
                    <Link to={post.path}>{post.question.title}</Link>
                  </>
                ) : null}{' '}
                <span className="muted">
                  cites <Link to={`/policies/${citation.document.slug}/${citation.version.version}#${citation.section.anchor}`}>
                    {citation.version.version} § {citation.section.title}
                  </Link>
                  {statusText ? ` (${statusText})` : ''}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

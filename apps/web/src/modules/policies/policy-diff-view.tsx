import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { PolicyDiffQuery } from '../../generated/graphql';
import { policyDiffPath } from '../citations/citation-chip';
import { formatDate } from '../layout/format-date';
import { NotFound } from '../layout/not-found';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { MarkdownView } from '../markdown/markdown-view';
import { HighlightedMarkdown, WholeBlock } from './diff-markdown';
import { bodyRowsOf, changeLabel, countChanges, describeCounts, groupDiffSections, titleSidesOf, type DiffRow, type SidePiece } from './diff-view';
import { policyDiffQuery } from './graphql/policy-diff.query';
import { policyVersionListQuery } from './graphql/policy-version-list.query';
import { diffPair, newestFirst } from './policy-versions';
import { useHashTarget } from './use-hash-target';
import { useScrollToHash } from '../layout/use-scroll-to-hash';
import { PageTitle } from '../layout/page-title';
import { JsonLd } from '../seo/json-ld';
import { PageMeta } from '../seo/page-meta';
import { useSiteOrigin } from '../seo/site-origin';
import { breadcrumbJsonLd, policyDocumentPath } from '../seo/structured-data';

type SectionChange = NonNullable<PolicyDiffQuery['policyDiff']>['sections'][number];

/**
 * Two versions side by side, section by section. A changed section is compared paragraph
 * by paragraph: words are highlighted only inside a paragraph that stayed similar, and a
 * rewritten one is shown whole on each side.
 */
export function PolicyDiffView({ slug, from, to }: { slug: string; from: string | null; to: string | null }) {
  const documentResult = useQuery(policyVersionListQuery, { variables: { slug } });
  const document = documentResult.data?.policyDocument;
  const pair = document ? diffPair(document.versions, from, to) : null;
  const diffResult = useQuery(policyDiffQuery, { variables: { slug, from: pair?.from ?? '', to: pair?.to ?? '' }, skip: !pair });
  const diff = diffResult.data?.policyDiff;
  useScrollToHash(Boolean(diff));

  if (documentResult.error && !documentResult.data) return <ErrorState error={documentResult.error} title="Could not load this policy" />;
  if (!documentResult.data) return <LoadingState />;
  if (!document) return <NotFound what="policy document" />;

  return (
    <div className="policy-diff-page" data-testid="policy-diff">
      <PageTitle title={pair ? `What changed in ${document.title}: ${pair.from} to ${pair.to}` : `What changed in ${document.title}`} />
      {diff ? <DiffMeta document={document} diff={diff} /> : null}
      {!pair ? <PageMeta title={`What changed in ${document.title}`} description={`${document.title} has only one version, so there is nothing to compare yet.`} path={`${policyDocumentPath(document.slug)}/diff`} noindex /> : null}
      <p className="breadcrumb">
        <Link to="/policies">Policies</Link> › <Link to={`/policies/${document.slug}`}>{document.title}</Link>
      </p>
      <h1>What changed in {document.title}</h1>
      {!pair ? (
        <EmptyState>This document has only one version, so there is nothing to compare yet.</EmptyState>
      ) : (
        <>
          <VersionPairPicker slug={document.slug} versions={document.versions} pair={pair} />
          {diffResult.error && !diffResult.data ? <ErrorState error={diffResult.error} title="Could not compare these versions" /> : null}
          {!diffResult.data && !diffResult.error ? <LoadingState label="Comparing…" /> : null}
          {diff ? <DiffSections slug={document.slug} diff={diff} /> : null}
        </>
      )}
    </div>
  );
}

/**
 * The comparison's description and canonical. Its canonical names both versions even when
 * the address left them out (it then shows the latest two): published versions never
 * change, so that address shows this comparison for good, while the bare one moves on.
 */
function DiffMeta({ document, diff }: { document: { slug: string; title: string }; diff: NonNullable<PolicyDiffQuery['policyDiff']> }) {
  const origin = useSiteOrigin();
  const path = policyDiffPath(document.slug, diff.from.version, diff.to.version);
  const title = `What changed in ${document.title}: ${diff.from.version} to ${diff.to.version}`;
  const sameVersion = diff.from.version === diff.to.version;
  const summary = sameVersion ? '' : ` ${diff.to.summaryOfChanges}`;
  return (
    <>
      <PageMeta
        title={title}
        description={`${document.title}, version ${diff.from.version} (${formatDate(diff.from.publishedOn)}) to version ${diff.to.version} (${formatDate(diff.to.publishedOn)}): ${describeCounts(countChanges(diff.sections))}.${summary}`}
        path={path}
        type="article"
        // A version compared with itself shows no change: nothing worth a search result.
        noindex={sameVersion}
      />
      <JsonLd
        data={breadcrumbJsonLd(origin, [
          { name: 'Policies', path: '/policies' },
          { name: document.title, path: policyDocumentPath(document.slug) },
          { name: `Changes from ${diff.from.version} to ${diff.to.version}`, path },
        ])}
      />
    </>
  );
}

function VersionPairPicker({ slug, versions, pair }: { slug: string; versions: readonly { id: string; version: string }[]; pair: { from: string; to: string } }) {
  const navigate = useNavigate();
  const options = newestFirst(versions);
  return (
    <form className="row version-pair" onSubmit={(event) => event.preventDefault()} aria-label="Versions to compare">
      <label>
        From{' '}
        <select value={pair.from} onChange={(event) => void navigate(policyDiffPath(slug, event.target.value, pair.to))} data-testid="diff-from">
          {options.map((option) => (
            <option key={option.id} value={option.version}>
              {option.version}
            </option>
          ))}
        </select>
      </label>
      <label>
        To{' '}
        <select value={pair.to} onChange={(event) => void navigate(policyDiffPath(slug, pair.from, event.target.value))} data-testid="diff-to">
          {options.map((option) => (
            <option key={option.id} value={option.version}>
              {option.version}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="link-button" onClick={() => void navigate(policyDiffPath(slug, pair.to, pair.from))}>
        Swap
      </button>
    </form>
  );
}

function DiffSections({ slug, diff }: { slug: string; diff: NonNullable<PolicyDiffQuery['policyDiff']> }) {
  const titles = new Map(diff.sections.map((section) => [section.anchor, section.title]));
  const groups = groupDiffSections(diff.sections);
  // A deep link to an unchanged section opens its folded group.
  const target = useHashTarget();
  return (
    <>
      <p className="muted" data-testid="diff-summary">
        Version {diff.from.version} ({formatDate(diff.from.publishedOn)}) → version {diff.to.version} ({formatDate(diff.to.publishedOn)}): {describeCounts(countChanges(diff.sections))}.
      </p>
      {diff.from.version === diff.to.version ? <p className="hint">Both sides are the same version; choose another to compare.</p> : null}
      {diff.to.summaryOfChanges && diff.from.version !== diff.to.version ? <p className="card">{diff.to.summaryOfChanges}</p> : null}
      <div className="diff-sections">
        {groups.map((group) =>
          group.kind === 'section' ? (
            <ChangedSection key={group.section.anchor} slug={slug} fromVersion={diff.from.version} toVersion={diff.to.version} section={group.section} titles={titles} />
          ) : (
            <details key={group.sections[0].anchor} className="diff-unchanged" data-testid="diff-unchanged" open={group.sections.some((section) => section.anchor === target) || undefined}>
              <summary>
                {group.sections.length === 1 ? '1 unchanged section' : `${group.sections.length} unchanged sections`}: {group.sections.map((section) => section.title).join(', ')}
              </summary>
              {group.sections.map((section) => (
                <section key={section.anchor} id={section.anchor} className={section.anchor === target ? 'diff-section targeted' : 'diff-section'} data-change="UNCHANGED">
                  <h3>{section.title}</h3>
                  {section.toBody ? <MarkdownView source={section.toBody} /> : null}
                </section>
              ))}
            </details>
          ),
        )}
      </div>
    </>
  );
}

function parentLabel(anchor: string | null | undefined, titles: Map<string, string>): string {
  return anchor ? `under “${titles.get(anchor) ?? anchor}”` : 'at the top level';
}

export function ChangedSection({ slug, fromVersion, toVersion, section, titles }: { slug: string; fromVersion: string; toVersion: string; section: SectionChange; titles: Map<string, string> }) {
  const targeted = useHashTarget() === section.anchor;
  // Worked out in the browser from the two bodies: the page needs paragraphs, which the API's flat word list does not keep.
  const rows = useMemo(() => bodyRowsOf(section), [section]);
  const titleSides = useMemo(() => titleSidesOf(section), [section]);
  const fromLabel =
    section.change === 'ADDED' ? `Not in ${fromVersion}` : <Link to={`/policies/${slug}/${fromVersion}#${section.anchor}`}>Version {fromVersion}</Link>;
  const toLabel =
    section.change === 'REMOVED' ? `Removed in ${toVersion}` : <Link to={`/policies/${slug}/${toVersion}#${section.anchor}`}>Version {toVersion}</Link>;
  return (
    <section id={section.anchor} className={targeted ? 'diff-section targeted' : 'diff-section'} data-change={section.change} data-testid="diff-section" data-anchor={section.anchor}>
      <h2 className="diff-section-title">
        <span className={`change-badge change-${section.change.toLowerCase()}`} data-testid="change-badge">
          {changeLabel(section.change)}
        </span>{' '}
        {section.title}
      </h2>
      {section.moved ? (
        <p className="muted" data-testid="moved-note">
          Moved: was {parentLabel(section.fromParentAnchor, titles)}, now {parentLabel(section.toParentAnchor, titles)}.
        </p>
      ) : null}
      {section.change === 'MOVED' ? (
        section.toBody ? <MarkdownView source={section.toBody} /> : null
      ) : (
        <div className="diff-rows">
          <p className="diff-cell diff-column-label diff-from">{fromLabel}</p>
          <p className="diff-cell diff-column-label diff-to">{toLabel}</p>
          {titleSides ? (
            <>
              <p className="diff-cell diff-from diff-title-words" data-testid="diff-title-from">
                <TitlePieces pieces={titleSides.from} change="del" />
              </p>
              <p className="diff-cell diff-to diff-title-words" data-testid="diff-title-to">
                <TitlePieces pieces={titleSides.to} change="ins" />
              </p>
            </>
          ) : null}
          {section.change === 'CHANGED' ? (
            rows.map((row, index) => <DiffRowCells key={index} row={row} fromVersion={fromVersion} toVersion={toVersion} />)
          ) : (
            <>
              <div className="diff-cell diff-from">{section.change === 'REMOVED' && section.fromBody ? <MarkdownView source={section.fromBody} /> : null}</div>
              <div className="diff-cell diff-to">{section.change === 'ADDED' && section.toBody ? <MarkdownView source={section.toBody} /> : null}</div>
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** One row, as two grid cells: the old version's paragraphs on the left, the new one's on the right. */
function DiffRowCells({ row, fromVersion, toVersion }: { row: DiffRow; fromVersion: string; toVersion: string }) {
  switch (row.kind) {
    case 'same':
      return (
        <>
          <div className="diff-cell diff-from diff-same">
            <WholeBlock source={row.from} change={null} />
          </div>
          <div className="diff-cell diff-to diff-same" data-testid="diff-same-block">
            <WholeBlock source={row.to} change={null} />
          </div>
        </>
      );
    case 'changed':
      return (
        <>
          <div className="diff-cell diff-from" data-testid="diff-changed-from">
            {/* Stacked on a narrow screen, the two sides need saying which is which. */}
            <span className="diff-cell-version">Version {fromVersion}</span>
            <HighlightedMarkdown pieces={row.from} change="del" />
          </div>
          <div className="diff-cell diff-to" data-testid="diff-changed-to">
            <span className="diff-cell-version">Version {toVersion}</span>
            <HighlightedMarkdown pieces={row.to} change="ins" />
          </div>
        </>
      );
    case 'replaced':
      return (
        <>
          <div className={row.removed.length > 0 ? 'diff-cell diff-from' : 'diff-cell diff-from diff-empty'}>
            {row.removed.map((source, index) => (
              <WholeBlock key={index} source={source} change="del" />
            ))}
          </div>
          <div className={row.added.length > 0 ? 'diff-cell diff-to' : 'diff-cell diff-to diff-empty'}>
            {row.added.map((source, index) => (
              <WholeBlock key={index} source={source} change="ins" />
            ))}
          </div>
        </>
      );
  }
}

function TitlePieces({ pieces, change }: { pieces: readonly SidePiece[]; change: 'ins' | 'del' }) {
  const Tag = change;
  return (
    <>
      {pieces.map((piece, index) => (piece.changed ? <Tag key={index}>{piece.text}</Tag> : <span key={index}>{piece.text}</span>))}
    </>
  );
}

import type { PolicyDocumentQuery, PolicyVersionQuery } from '../../generated/graphql';
import { formatDate } from '../layout/format-date';
import { JsonLd } from '../seo/json-ld';
import { PageMeta } from '../seo/page-meta';
import { useSiteOrigin } from '../seo/site-origin';
import { breadcrumbJsonLd, organisationPath, policyDocumentPath, policyVersionJsonLd, policyVersionPath } from '../seo/structured-data';

type PolicyDocument = NonNullable<PolicyDocumentQuery['policyDocument']>;
type PolicyVersion = NonNullable<PolicyVersionQuery['policyVersion']>;

function documentBreadcrumbs(origin: string, document: PolicyDocument) {
  return breadcrumbJsonLd(origin, [
    { name: 'Policies', path: '/policies' },
    { name: document.organisation.name, path: organisationPath(document.organisation.slug) },
    { name: document.title, path: policyDocumentPath(document.slug) },
  ]);
}

/** What search engines and link previews read of one published version of a policy document. */
export function PolicyVersionMeta({ document, policyVersion }: { document: PolicyDocument; policyVersion: PolicyVersion }) {
  const origin = useSiteOrigin();
  // The latest version's canonical is the document's own address, which always shows the
  // latest, so links and ranking gather there and move on with each revision. A superseded
  // version never changes and stays cited, so its versioned address is its canonical.
  const isLatest = document.latestVersion?.version === policyVersion.version;
  const path = isLatest ? policyDocumentPath(document.slug) : policyVersionPath(document.slug, policyVersion.version);
  const superseded = isLatest ? '' : ` It has been superseded; the latest is version ${document.latestVersion?.version ?? ''}.`;
  return (
    <>
      <PageMeta
        title={`${document.title} ${policyVersion.version}`}
        description={`Version ${policyVersion.version} of ${document.title}, a policy of ${document.organisation.name}, published ${formatDate(policyVersion.publishedOn)}.${superseded} ${policyVersion.summaryOfChanges}`}
        path={path}
        type="article"
      />
      <JsonLd
        data={policyVersionJsonLd(origin, {
          document,
          version: policyVersion.version,
          publishedOn: policyVersion.publishedOn,
          summaryOfChanges: policyVersion.summaryOfChanges,
          contributors: policyVersion.contributors,
        })}
      />
      <JsonLd data={documentBreadcrumbs(origin, document)} />
    </>
  );
}

/** A document with no published version yet: only its name and owner to describe. */
export function UnpublishedPolicyMeta({ document }: { document: PolicyDocument }) {
  const origin = useSiteOrigin();
  return (
    <>
      <PageMeta title={document.title} description={`${document.title}, a policy of ${document.organisation.name}. No version has been published yet.`} path={policyDocumentPath(document.slug)} />
      <JsonLd data={documentBreadcrumbs(origin, document)} />
    </>
  );
}

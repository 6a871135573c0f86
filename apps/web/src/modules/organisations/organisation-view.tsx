import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { useViewer } from '../accounts/use-viewer';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { NotFound } from '../layout/not-found';
import { organisationQuery } from './graphql/organisation.query';
import { MemberList } from './member-list';
import { organisationRoleLabel } from './organisation-roles';
import { OrganisationAdminPanel } from './organisation-admin-panel';
import { RoleRequestPanel } from './role-request-panel';
import { PageTitle } from '../layout/page-title';
import { PageMeta } from '../seo/page-meta';

export function OrganisationView({ slug }: { slug: string }) {
  const { data, error } = useQuery(organisationQuery, { variables: { slug } });
  const { viewer } = useViewer();
  if (error && !data) return <ErrorState error={error} title="Could not load this organisation" />;
  if (!data) return <LoadingState />;
  if (!data.organisation) return <NotFound what="organisation" />;
  const organisation = data.organisation;

  return (
    <div className="organisation-page">
      <PageTitle title={organisation.name} />
      <PageMeta title={organisation.name} description={`${organisation.name} on Policy Commons: the members its admins have granted roles, and the policies it publishes.`} path={`/o/${organisation.slug}`} />
      <h1 data-testid="organisation-name">{organisation.name}</h1>
      {viewer ? (
        <p className="muted" data-testid="viewer-organisation-role">
          {organisation.viewerRole ? (
            <>
              Your role here: <strong>{organisationRoleLabel(organisation.viewerRole)}</strong>, granted by the organisation.
            </>
          ) : (
            'You hold no role here.'
          )}
        </p>
      ) : null}

      <section aria-labelledby="organisation-members">
        <h2 id="organisation-members">Members with a role</h2>
        <p className="hint">Roles here are granted by the organisation’s admins. Affiliations people declare on their profiles are shown there, and give no rights.</p>
        <MemberList organisationSlug={organisation.slug} members={organisation.members} canManage={organisation.viewerCanManage} viewerId={viewer?.user.id ?? null} />
      </section>

      <RoleRequestPanel organisation={organisation} signedIn={!!viewer} />

      {organisation.viewerCanManage ? <OrganisationAdminPanel slug={organisation.slug} /> : null}

      <section aria-labelledby="organisation-policies">
        <h2 id="organisation-policies">Policy documents</h2>
        {data.policyDocuments.length === 0 ? (
          <EmptyState>No policy documents yet.</EmptyState>
        ) : (
          <ul className="link-list" data-testid="organisation-policies">
            {data.policyDocuments.map((document) => (
              <li key={document.id}>
                <Link to={`/policies/${document.slug}`}>{document.title}</Link>{' '}
                <span className="muted">{document.latestVersion ? `version ${document.latestVersion.version}` : 'no published version yet'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

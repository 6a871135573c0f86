import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { formatDate } from '../layout/format-date';
import { EmptyState, ErrorState, LoadingState } from '../layout/states';
import { policyLibraryQuery } from './graphql/policy-library.query';

export function PolicyLibrary() {
  const { data, error } = useQuery(policyLibraryQuery);
  if (error && !data) return <ErrorState error={error} title="Could not load the policy library" />;
  if (!data) return <LoadingState />;
  if (data.policyDocuments.length === 0) return <EmptyState>No policy documents yet.</EmptyState>;
  return (
    <ul className="policy-library" data-testid="policy-library">
      {data.policyDocuments.map((document) => (
        <li key={document.id} className="card policy-card" data-testid="policy-card">
          <h2>
            <Link to={`/policies/${document.slug}`} data-testid={`policy-link-${document.slug}`}>
              {document.title}
            </Link>
          </h2>
          <p className="muted">
            <Link to={`/o/${document.organisation.slug}`}>{document.organisation.name}</Link>
            {' · '}
            {document.latestVersion ? (
              <>
                version {document.latestVersion.version}, published {formatDate(document.latestVersion.publishedOn)}
              </>
            ) : (
              'no published version yet'
            )}
          </p>
          {document.adaptedFrom ? (
            <p className="muted lineage">
              Adapted from{' '}
              <Link to={`/policies/${document.adaptedFrom.document.slug}/${document.adaptedFrom.version}`}>
                {document.adaptedFrom.document.title} version {document.adaptedFrom.version}
              </Link>{' '}
              by {document.adaptedFrom.document.organisation.name}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

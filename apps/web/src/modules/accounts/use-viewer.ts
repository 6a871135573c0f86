import { useQuery } from '@apollo/client/react';
import type { ViewerQuery } from '../../generated/graphql';
import { viewerQuery } from './graphql/viewer.query';

export type Viewer = NonNullable<ViewerQuery['me']>;

/** The signed-in user (null when signed out or still loading). */
export function useViewer(): { viewer: Viewer | null; loading: boolean } {
  const { data, loading } = useQuery(viewerQuery, { fetchPolicy: 'cache-first' });
  return { viewer: data?.me ?? null, loading: loading && !data };
}

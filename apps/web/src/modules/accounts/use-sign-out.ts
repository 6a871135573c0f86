import { useApolloClient, useMutation } from '@apollo/client/react';
import { useNavigate } from 'react-router';
import { signOutMutation } from './graphql/sign-out.mutation';

export function useSignOut(): () => Promise<void> {
  const client = useApolloClient();
  const navigate = useNavigate();
  const [signOut] = useMutation(signOutMutation);
  return async () => {
    try {
      await signOut();
    } finally {
      // Everything cached was fetched as the previous user (viewerVote, viewerIsMember…).
      // A refetch failing here (e.g. offline) is shown by the query itself; signing out still completes.
      await client.resetStore().catch(() => undefined);
      await navigate('/');
    }
  };
}

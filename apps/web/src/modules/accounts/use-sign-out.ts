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
      await client.resetStore();
      await navigate('/');
    }
  };
}
